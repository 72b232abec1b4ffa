package org.passerelle.protocol;

/** A file that travels beside an envelope; the envelope carries only its name, type, hash and size. */
public record AttachmentRef(String name, String mediaType, String sha256, long size) {
}
