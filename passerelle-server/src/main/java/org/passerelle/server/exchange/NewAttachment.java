package org.passerelle.server.exchange;

/** A file to send beside an envelope. */
public record NewAttachment(String name, String mediaType, byte[] content) {
}
