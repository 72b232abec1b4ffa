package org.passerelle.protocol;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One signed, immutable message of a shared case, as it crossed or will cross a border.
 *
 * <p>{@code canonical} is the RFC 8785 form of every field but the signature: what was signed and what the
 * hash is taken over. For a received envelope it is computed from the JSON as received, never re-serialised
 * from these fields, so that both nodes hash and verify exactly the same bytes.
 *
 * @param hash lowercase hex SHA-256 of {@code canonical}: the name parents use to point at this envelope
 * @param signature detached JWS (EdDSA) over {@code canonical}
 */
public record Envelope(int version, String id, CaseRef caseRef, String kind, String from, List<String> to,
        List<String> parents, Instant sentAt, Handling handling, JsonNode payload, List<AttachmentRef> attachments,
        String canonical, String hash, String signature) {

    public static final int VERSION = 1;

    public Envelope {
        to = List.copyOf(to);
        parents = List.copyOf(parents);
        attachments = List.copyOf(attachments);
    }

    /** The envelope as it travels: its canonical form with the signature added. */
    public String toJson() {
        return EnvelopeJson.withSignature(canonical, signature);
    }

    public boolean addressedTo(String party) {
        return to.contains(party);
    }
}
