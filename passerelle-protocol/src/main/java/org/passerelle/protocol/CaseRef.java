package org.passerelle.protocol;

/** The shared case an envelope belongs to: its id (chosen by the party that opened it) and its type. */
public record CaseRef(String id, String type) {
}
