package org.passerelle.server.exchange;

import java.time.Instant;
import java.util.List;
import org.passerelle.protocol.Envelope;

/**
 * A stored envelope (not one held for missing parents) with what this node knows about it: which way it went,
 * whether its payload was purged, whether its signature still checks, and its deliveries (outgoing).
 *
 * @param envelope the envelope; after a purge its payload is empty and only id, hash and metadata remain
 * @param signatureValid whether the envelope's signature was verified when it was stored (nothing unverified is
 *        stored); false once purged, when its bytes no longer carry it
 */
public record EnvelopeRecord(Envelope envelope, boolean incoming, boolean purged, boolean signatureValid,
        Instant storedAt, List<Delivery> deliveries, List<AttachmentInfo> attachments) {

    /** Whether every delivery of this envelope has its answer (an envelope received has none to wait for). */
    public boolean settled() {
        return deliveries.stream().allMatch(d -> d.state().settled());
    }

    /** An attachment as stored beside its envelope. */
    public record AttachmentInfo(String sha256, String name, String mediaType, long size) {
    }
}
