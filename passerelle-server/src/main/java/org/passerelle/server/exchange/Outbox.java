package org.passerelle.server.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.protocol.AttachmentRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where an envelope this node signed is kept and queued: stored byte for byte with its attachments, one delivery per
 * recipient, and the modules told, in the caller's transaction. Envelopes it signs now ({@link Exchange#send}) and
 * envelopes it signed before and recovers from a peer's copy (a crash had taken back their commit) go the same way.
 */
@Component
class Outbox {

    private final EnvelopeStore envelopes;
    private final DeliveryStore deliveries;
    private final AttachmentFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(EnvelopeStore envelopes, DeliveryStore deliveries, AttachmentFiles files, ApplicationEventPublisher events,
            Clock clock) {
        this.envelopes = envelopes;
        this.deliveries = deliveries;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores {@code envelope}, signed by this node, after {@code threadBefore} (its case's thread as held here), with
     * the bytes of its attachments by SHA-256, and queues it for each recipient.
     */
    void store(Envelope envelope, List<Envelope> threadBefore, Map<String, byte[]> attachments) {
        Instant now = clock.instant();
        for (AttachmentRef ref : envelope.attachments()) {
            files.save(ref.sha256(), attachments.get(ref.sha256()));
        }
        envelopes.insert(envelope, false, EnvelopeState.STORED, now);
        for (AttachmentRef ref : envelope.attachments()) {
            envelopes.insertAttachment(envelope.id(), ref.sha256(), ref.name(), ref.mediaType(), ref.size());
        }
        envelope.to().forEach(peer -> deliveries.queue(envelope.id(), peer, now));
        List<Envelope> thread = new ArrayList<>(threadBefore);
        thread.add(envelope);
        events.publishEvent(new CaseEnvelopesStored(List.of(new CaseEnvelopeStored(envelope.caseRef().id(),
                envelope.caseRef().type(), envelope.id(), envelope.kind(), false, CaseThread.of(thread)))));
    }
}
