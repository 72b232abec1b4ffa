package org.passerelle.server.exchange;

import java.time.Instant;
import java.util.List;
import org.passerelle.protocol.Envelope;

/**
 * A stored envelope (not one held for missing parents) with what this node knows about it: which way it went,
 * whether its payload was purged, whether its signature still checks, and its deliveries (outgoing).
 *
 * @param envelope the envelope; after a purge its payload is empty and only id, hash and metadata remain
 * @param signatureValid whether the stored bytes still verify against the sender's key (false once purged)
 */
public record EnvelopeRecord(Envelope envelope, boolean incoming, boolean purged, boolean signatureValid,
        Instant storedAt, List<Delivery> deliveries, List<AttachmentInfo> attachments) {

    /** An attachment as stored beside its envelope. */
    public record AttachmentInfo(String sha256, String name, String mediaType, long size) {
    }
}
