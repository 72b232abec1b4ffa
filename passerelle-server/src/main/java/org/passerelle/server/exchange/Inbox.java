package org.passerelle.server.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.protocol.AttachmentRef;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeRejectedException;
import org.passerelle.protocol.EnvelopeVerifier;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.ProtocolKinds;
import org.passerelle.protocol.RejectionReason;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditEvent;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receives envelopes from peers: verify, de-duplicate by id, store byte for byte, hand to the modules, and
 * only then answer with a signed receipt. Anything that fails a check is answered with a signed rejection and
 * nothing is stored. Envelopes whose parents are missing are held until the parents are fetched.
 */
@Service
class Inbox {

    /** The answer to one delivered envelope. */
    record Answer(String envelopeId, String outcome, String envelope, String detail) {
        static final String RECEIPT = "receipt";
        static final String REJECTION = "rejection";
        static final String HELD = "held";
    }

    private final EnvelopeVerifier verifier;
    private final EnvelopeStore envelopes;
    private final AttachmentFiles files;
    private final NodeIdentity identity;
    private final PartyDirectory parties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    Inbox(EnvelopeVerifier verifier, EnvelopeStore envelopes, AttachmentFiles files, NodeIdentity identity,
            PartyDirectory parties, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            AuditLog audit, Clock clock) {
        this.verifier = verifier;
        this.envelopes = envelopes;
        this.files = files;
        this.identity = identity;
        this.parties = parties;
        this.events = events;
        // Nested: inside a batch's transaction each envelope gets a savepoint, so one refused envelope is
        // rolled back alone while the batch commits once; alone, it is a transaction of its own.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Handles one envelope delivered (or fetched) from {@code peer}: in a transaction of its own, or under a
     * savepoint of the caller's transaction (a batch), whose commit must come before any answer is sent.
     */
    Answer receive(String peer, String json, Map<String, byte[]> attachments) {
        Envelope envelope;
        try {
            envelope = verifier.verify(json);
            if (!envelope.from().equals(peer)) {
                throw new EnvelopeRejectedException(RejectionReason.UNKNOWN_SENDER,
                        "signed by " + envelope.from() + " but delivered by " + peer);
            }
        } catch (EnvelopeRejectedException e) {
            return reject(peer, idOf(json), null, e);
        }
        try {
            Envelope verified = envelope;
            return transactions.execute(status -> store(verified, attachments));
        } catch (EnvelopeRejectedException e) {
            return reject(peer, envelope.id(), envelope, e);
        }
    }

    private Answer store(Envelope envelope, Map<String, byte[]> attachments) {
        List<EnvelopeStore.Row> known = envelopes.caseAndId(envelope.caseRef().id(), envelope.id());
        Optional<EnvelopeStore.Row> existing = known.stream().filter(row -> row.envelope().id().equals(envelope.id()))
                .findFirst();
        if (existing.isPresent()) {
            if (!existing.get().envelope().hash().equals(envelope.hash())) {
                throw new EnvelopeRejectedException(RejectionReason.CONFLICT, "id " + envelope.id() + " already names other content");
            }
            return EnvelopeStore.HELD.equals(existing.get().state()) ? held(envelope) : receipt(envelope, "duplicate");
        }
        for (AttachmentRef ref : envelope.attachments()) {
            byte[] content = attachments.get(ref.sha256());
            if (content == null || content.length != ref.size() || !EnvelopeJson.sha256Hex(content).equals(ref.sha256())) {
                throw new EnvelopeRejectedException(RejectionReason.ATTACHMENT_MISMATCH,
                        "attachment '" + ref.name() + "' is missing or does not match its hash and size");
            }
        }
        Instant now = clock.instant();
        List<Envelope> thread = new ArrayList<>();
        known.stream().filter(row -> !EnvelopeStore.HELD.equals(row.state())).forEach(row -> thread.add(row.envelope()));
        Set<String> inThread = thread.stream().map(Envelope::hash).collect(Collectors.toSet());
        // Parents are normally in the case; any other is looked up, as the protocol does not forbid it.
        boolean parentsStored = envelope.parents().stream().allMatch(p -> inThread.contains(p) || envelopes.stored(p));
        envelopes.insert(envelope, true, parentsStored ? EnvelopeStore.STORED : EnvelopeStore.HELD, now);
        for (AttachmentRef ref : envelope.attachments()) {
            files.save(ref.sha256(), attachments.get(ref.sha256()));
            envelopes.insertAttachment(envelope.id(), ref.sha256(), ref.name(), ref.mediaType(), ref.size());
        }
        if (!parentsStored) {
            record(envelope.from(), "envelope.hold", envelope, AuditOutcome.SUCCESS, "waiting for parents");
            return held(envelope);
        }
        thread.add(envelope);
        return accept(envelope, now, thread);
    }

    /**
     * Stores what an envelope means (controls purge their target), tells the modules, and signs the receipt.
     * {@code thread} is the case's thread with the envelope, as known before any purge.
     */
    private Answer accept(Envelope envelope, Instant now, List<Envelope> thread) {
        String outcome = "stored";
        CaseThread current;
        if (ProtocolKinds.RETRACTION.equals(envelope.kind()) || ProtocolKinds.CORRECTION.equals(envelope.kind())) {
            Optional<Envelope> target = envelopes.byId(envelope.payload().path("envelope").asString(""))
                    .map(EnvelopeStore.Row::envelope)
                    .filter(t -> t.from().equals(envelope.from()) && t.hash().equals(envelope.payload().path("hash").asString("")));
            if (target.isEmpty()) {
                throw new EnvelopeRejectedException(RejectionReason.SCHEMA_VIOLATION,
                        envelope.kind() + " names no envelope of its sender held here");
            }
            envelopes.purge(target.get(), now);
            outcome = ProtocolKinds.RETRACTION.equals(envelope.kind()) ? "purged" : "corrected";
            current = CaseThread.of(envelopes.threadEnvelopes(envelope.caseRef().id()));
        } else {
            current = CaseThread.of(thread);
        }
        events.publishEvent(new CaseEnvelopeStored(envelope.caseRef().id(), envelope.caseRef().type(), envelope.id(),
                envelope.kind(), true, current));
        Answer receipt = receipt(envelope, outcome);
        record(envelope.from(), "envelope.receive", envelope, AuditOutcome.SUCCESS, envelope.kind());
        return receipt;
    }

    /** Stores the held envelopes whose parents have all arrived; returns how many were released. */
    int releaseHeld() {
        int released = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (EnvelopeStore.Row row : envelopes.held()) {
                Envelope envelope = row.envelope();
                if (envelope.parents().stream().allMatch(envelopes::stored)) {
                    transactions.executeWithoutResult(status -> {
                        envelopes.markStored(envelope.id());
                        accept(envelope, clock.instant(), envelopes.threadEnvelopes(envelope.caseRef().id()));
                    });
                    released++;
                    progress = true;
                }
            }
        }
        return released;
    }

    private Answer receipt(Envelope envelope, String outcome) {
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelope.id()).put("hash", envelope.hash())
                .put("outcome", outcome);
        Envelope receipt = acknowledgement(envelope.caseRef(), envelope.from(), ProtocolKinds.RECEIPT, payload);
        envelopes.insert(receipt, false, EnvelopeStore.STORED, clock.instant());
        return new Answer(envelope.id(), Answer.RECEIPT, receipt.toJson(), outcome);
    }

    private Answer held(Envelope envelope) {
        return new Answer(envelope.id(), Answer.HELD, null, "waiting for parents " + envelope.parents());
    }

    /** Refuses an envelope: a signed rejection for the sender, an audit entry here, nothing stored. */
    private Answer reject(String peer, String envelopeId, Envelope envelope, EnvelopeRejectedException e) {
        audit.record(new AuditEvent("peer:" + peer, "envelope.reject", "envelope", envelopeId, null, AuditOutcome.DENIED,
                e.reason() + ": " + e.detail()));
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelopeId).put("reason", e.reason().name())
                .put("detail", e.detail().length() > 1000 ? e.detail().substring(0, 1000) : e.detail());
        if (envelope != null) {
            payload.put("hash", envelope.hash());
        }
        Envelope rejection = acknowledgement(envelope != null ? envelope.caseRef() : new CaseRef("unknown", "unknown"),
                peer, ProtocolKinds.REJECTION, payload);
        return new Answer(envelopeId, Answer.REJECTION, rejection.toJson(), e.reason().name());
    }

    /** A receipt or rejection: signed by this node, addressed to the sender, outside the case's thread. */
    private Envelope acknowledgement(CaseRef caseRef, String sender, String kind, ObjectNode payload) {
        Instant now = clock.instant();
        return identity.envelopeSigner().sign(new EnvelopeDraft(UuidV7.at(now).toString(), caseRef, kind,
                parties.self().code(), List.of(sender), List.of(), now, Handling.ROUTINE, payload, List.of()));
    }

    private void record(String peer, String action, Envelope envelope, AuditOutcome outcome, String details) {
        audit.record(new AuditEvent("peer:" + peer, action, envelope.caseRef().type(), envelope.caseRef().id(), null,
                outcome, details + " " + envelope.id()));
    }

    /** The id of an envelope that may not even parse, for the rejection to name it. */
    private static String idOf(String json) {
        try {
            String id = EnvelopeJson.readTree(json).path("id").asString("");
            return id.isEmpty() || id.length() > 64 ? "unknown" : id;
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
