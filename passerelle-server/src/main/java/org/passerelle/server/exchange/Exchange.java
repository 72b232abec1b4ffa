package org.passerelle.server.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.AttachmentRef;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeRejectedException;
import org.passerelle.protocol.EnvelopeVerifier;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingPolicy;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.ProtocolKinds;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What business modules use to share a case: send an envelope (in the same transaction as the business
 * change that causes it), read a case's thread, and the originator's controls (retract, correct, consent).
 */
@Service
public class Exchange {

    private final EnvelopeStore envelopes;
    private final DeliveryStore deliveries;
    private final AttachmentFiles files;
    private final Purges purges;
    private final NodeIdentity identity;
    private final PartyDirectory parties;
    private final KindRegistry kinds;
    private final EnvelopeVerifier verifier;
    private final Outbox outbox;
    private final OutboxWorker worker;
    private final PeerTransport transport;
    private final AuditTrail audit;
    private final Clock clock;

    Exchange(EnvelopeStore envelopes, DeliveryStore deliveries, AttachmentFiles files, Purges purges,
            NodeIdentity identity, PartyDirectory parties, KindRegistry kinds, EnvelopeVerifier verifier, Outbox outbox,
            OutboxWorker worker, PeerTransport transport, AuditTrail audit, Clock clock) {
        this.envelopes = envelopes;
        this.deliveries = deliveries;
        this.files = files;
        this.purges = purges;
        this.identity = identity;
        this.parties = parties;
        this.kinds = kinds;
        this.verifier = verifier;
        this.outbox = outbox;
        this.worker = worker;
        this.transport = transport;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs and stores an envelope after everything this node has seen of the case, and queues it for each
     * recipient. Joins the caller's transaction: the envelope exists if and only if the business change does.
     */
    @Transactional
    public Envelope send(CaseRef caseRef, String kind, List<String> to, Handling handling, JsonNode payload,
            List<NewAttachment> attachments) {
        for (String party : to) {
            if (parties.peer(party).isEmpty()) {
                throw new IllegalArgumentException("No trusted node for party " + party);
            }
        }
        kinds.schema(kind).orElseThrow(() -> new IllegalArgumentException("Unknown kind " + kind))
                .violation(payload).ifPresent(v -> {
                    throw new IllegalArgumentException(kind + ": " + v);
                });
        Instant now = clock.instant();
        List<AttachmentRef> refs = new ArrayList<>();
        Map<String, byte[]> bytes = new HashMap<>();
        for (NewAttachment file : attachments) {
            String sha256 = EnvelopeJson.sha256Hex(file.content());
            bytes.put(sha256, file.content());
            refs.add(new AttachmentRef(file.name(), file.mediaType(), sha256, file.content().length));
        }
        List<Envelope> thread = envelopes.threadEnvelopes(caseRef.id());
        List<String> parents = CaseThread.of(thread).heads();
        Envelope envelope = identity.envelopeSigner().sign(new EnvelopeDraft(UuidV7.at(now).toString(), caseRef, kind,
                parties.self().code(), to, parents, now, handling, payload, refs));
        outbox.store(envelope, thread, bytes);
        audit.success("envelope.send", caseRef.type(), caseRef.id());
        worker.wakeAfterCommit();
        return envelope;
    }

    /** The case's thread as this node holds it. */
    @Transactional(readOnly = true)
    public CaseThread thread(String caseId) {
        return CaseThread.of(envelopes.threadEnvelopes(caseId));
    }

    /**
     * Every envelope of a case with its deliveries and receipts, in storage order. Signatures are not checked again:
     * every envelope was verified before it was stored (received ones by the inbox, this node's own as it signed them).
     */
    @Transactional(readOnly = true)
    public List<EnvelopeRecord> records(String caseId) {
        List<EnvelopeRecord> records = new ArrayList<>();
        for (EnvelopeStore.Row row : envelopes.caseRows(caseId)) {
            Envelope e = row.envelope();
            boolean purged = row.state() == EnvelopeState.PURGED;
            records.add(new EnvelopeRecord(e, row.incoming(), purged, !purged, row.storedAt(),
                    deliveries.forEnvelope(e.id()), envelopes.attachments(e.id())));
        }
        return records;
    }

    /** The bytes of an attachment of one of the case's envelopes, if the case holds it and it was not purged. */
    @Transactional(readOnly = true)
    public Optional<byte[]> attachment(String caseId, String sha256) {
        return envelopes.caseHasAttachment(caseId, sha256) ? files.read(sha256) : Optional.empty();
    }

    /** Withdraws one of this node's envelopes: each recipient purges its payload and confirms with a receipt. */
    @Transactional
    public Envelope retract(String envelopeId, String reason) {
        Envelope target = ownEnvelope(envelopeId);
        ObjectNode payload = EnvelopeJson.object().put("envelope", target.id()).put("hash", target.hash())
                .put("reason", reason);
        return send(target.caseRef(), ProtocolKinds.RETRACTION, target.to(), target.handling(), payload, List.of());
    }

    /**
     * Drops the payload of every envelope of a case held here but {@code keep} (the notice of the purge itself, which
     * holds nothing personal): a module's retention rule, applied on this node. Ids, hashes and signatures remain, so
     * the thread's proofs hold. In the caller's transaction; returns how many envelopes were purged.
     */
    @Transactional
    public int purgeCase(String caseId, String keep) {
        Instant now = clock.instant();
        List<Envelope> thread = envelopes.threadEnvelopes(caseId);
        List<Envelope> purged = thread.stream().filter(e -> !e.id().equals(keep)).toList();
        purged.forEach(envelope -> purges.purge(envelope, now));
        if (!thread.isEmpty()) {
            audit.success("envelope.purge", thread.get(0).caseRef().type(), caseId);
        }
        return purged.size();
    }

    /** Replaces the content of one of this node's envelopes; recipients purge the old content. */
    @Transactional
    public Envelope correct(String envelopeId, JsonNode newPayload, String reason) {
        Envelope target = ownEnvelope(envelopeId);
        kinds.schema(target.kind()).orElseThrow().violation(newPayload).ifPresent(v -> {
            throw new IllegalArgumentException(target.kind() + ": " + v);
        });
        ObjectNode payload = EnvelopeJson.object().put("envelope", target.id()).put("hash", target.hash())
                .put("reason", reason);
        payload.set("payload", newPayload);
        return send(target.caseRef(), ProtocolKinds.CORRECTION, target.to(), target.handling(), payload, List.of());
    }

    /** Records this node's consent to the recipients passing one of its envelopes on to another party. */
    @Transactional
    public Envelope consent(String envelopeId, String toParty) {
        Envelope target = ownEnvelope(envelopeId);
        return send(target.caseRef(), ProtocolKinds.CONSENT, target.to(), Handling.ROUTINE,
                EnvelopeJson.object().put("envelope", target.id()).put("to", toParty), List.of());
    }

    /**
     * Why this node may not pass an envelope it holds on to {@code toParty}, or empty when it may (the rule of
     * H2 content, decided on the thread).
     */
    @Transactional(readOnly = true)
    public Optional<String> forwardingRefusal(String envelopeId, String toParty) {
        Envelope content = envelopes.byId(envelopeId).orElseThrow(() -> new IllegalArgumentException("No envelope " + envelopeId))
                .envelope();
        return HandlingPolicy.forwardingRefusal(thread(content.caseRef().id()), content, toParty);
    }

    /**
     * Passes an envelope this node holds on to another party, whole and still signed by its originator, in the
     * same case. Refused when its handling code forbids it (H2 without the originator's consent).
     */
    @Transactional
    public Envelope forward(String envelopeId, String toParty) {
        forwardingRefusal(envelopeId, toParty).ifPresent(reason -> {
            throw new ForwardingRefusedException(reason);
        });
        Envelope content = envelopes.byId(envelopeId).orElseThrow().envelope();
        return send(content.caseRef(), ProtocolKinds.FORWARD, List.of(toParty), content.handling(),
                EnvelopeJson.object().put("envelope", content.toJson()), List.of());
    }

    /** How long one delivery took: from signing the envelope to recording the peer's receipt. */
    public record DeliveryTime(String caseId, Instant sentAt, Instant receiptAt) {
    }

    /** How many of this node's deliveries still wait for their answer (the benchmark waits for none). */
    @Transactional(readOnly = true)
    public long unsettledDeliveries() {
        return deliveries.unsettled();
    }

    /** Every delivery of this node's that has its receipt, with its times (what the benchmark measures). */
    @Transactional(readOnly = true)
    public List<DeliveryTime> receiptTimes() {
        return deliveries.acceptedTimes();
    }

    /** An envelope of this node's a peer acknowledged, and when. */
    public record Acknowledged(String peer, Envelope envelope, Instant at) {
    }

    /** For each peer, the newest envelope of cases of {@code caseType} it acknowledged with a receipt. */
    @Transactional(readOnly = true)
    public List<Acknowledged> newestAcknowledged(String caseType) {
        return deliveries.newestReceipted(caseType).stream()
                .map(r -> new Acknowledged(r.peer(), r.envelope(), r.settledAt())).toList();
    }

    /**
     * What this node sent {@code peer} in cases of {@code caseType}, as the peer holds it (its newest ones), each
     * checked to carry this node's signature. A copy this node cannot alter, to check its own records against.
     */
    public List<Envelope> returnedBy(String peer, String caseType) throws java.io.IOException {
        ExchangeBatch batch = transport.fetchReturned(parties.peer(peer)
                .orElseThrow(() -> new IllegalArgumentException("No trusted node for party " + peer)), caseType);
        List<Envelope> returned = new ArrayList<>();
        for (String json : batch.envelopes()) {
            Envelope envelope = EnvelopeJson.parse(json);
            if (envelope.from().equals(parties.self().code()) && signatureHolds(envelope)
                    && envelope.caseRef().type().equals(caseType)) {
                returned.add(envelope);
            }
        }
        return returned;
    }

    private Envelope ownEnvelope(String envelopeId) {
        Envelope target = envelopes.byId(envelopeId).map(EnvelopeStore.Row::envelope)
                .orElseThrow(() -> new IllegalArgumentException("No envelope " + envelopeId));
        if (!target.from().equals(parties.self().code())) {
            throw new IllegalArgumentException("Only the originator can retract, correct or consent");
        }
        return target;
    }

    private boolean signatureHolds(Envelope envelope) {
        try {
            verifier.verifySignature(envelope);
            return true;
        } catch (EnvelopeRejectedException e) {
            return false;
        }
    }
}
