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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receives envelopes from peers: verify, de-duplicate by id, store byte for byte, hand to the modules, and
 * only then answer with a signed receipt. Anything that fails a check is answered with a signed rejection and
 * nothing is stored. Envelopes whose parents are missing are held until the parents are fetched.
 */
@Service
class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

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
    private final TransactionTemplate batchTransactions;
    private final TransactionTemplate savepoints;
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
        this.batchTransactions = new TransactionTemplate(transactionManager);
        this.batchTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Nested: inside a batch's transaction each envelope gets a savepoint, so one refused envelope is
        // rolled back alone while the batch commits once.
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Handles envelopes delivered (or fetched) from {@code peer} in one transaction of their own, committed
     * before this returns, so that no answer can leave before what it acknowledges is stored. Receipts and audit
     * entries are written together at the end, one batch each.
     */
    List<Answer> receiveAll(String peer, List<String> jsons, Map<String, byte[]> attachments) {
        // Checking signatures is CPU work without the database: done for the whole batch first, on every core.
        List<Checked> checked = jsons.parallelStream().map(json -> check(peer, json)).toList();
        try {
            return handleAll(peer, checked, attachments, false);
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} envelopes from {} failed as a whole ({}); handling each under a savepoint", jsons.size(),
                    peer, e.toString());
            return handleAll(peer, checked, attachments, true);
        }
    }

    /** A delivered envelope once verified, or why it is refused; {@code id} names it either way. */
    private record Checked(String id, Envelope envelope, EnvelopeRejectedException refusal) {
    }

    private Checked check(String peer, String json) {
        try {
            Envelope envelope = verifier.verify(json);
            if (!envelope.from().equals(peer)) {
                throw new EnvelopeRejectedException(RejectionReason.UNKNOWN_SENDER,
                        "signed by " + envelope.from() + " but delivered by " + peer);
            }
            return new Checked(envelope.id(), envelope, null);
        } catch (EnvelopeRejectedException e) {
            return new Checked(idOf(json), null, e);
        }
    }

    /**
     * One transaction for the batch. A savepoint per envelope costs two round trips to the database, so the
     * first attempt takes one only for the controls, which can be refused after writing; a refusal of any
     * other envelope comes before it writes anything. Should anything else fail, the batch is rolled back and
     * handled again with a savepoint per envelope, so that it cannot fail the others.
     */
    private List<Answer> handleAll(String peer, List<Checked> batch, Map<String, byte[]> attachments,
            boolean savepointEach) {
        return batchTransactions.execute(status -> {
            List<Envelope> receipts = new ArrayList<>();
            List<AuditEvent> entries = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            for (Checked checked : batch) {
                Outcome outcome = checked.refusal() != null ? reject(peer, checked.id(), null, checked.refusal())
                        : receive(peer, checked.envelope(), attachments, savepointEach);
                answers.add(outcome.answer());
                if (outcome.receipt() != null) {
                    receipts.add(outcome.receipt());
                }
                if (outcome.auditEntry() != null) {
                    entries.add(outcome.auditEntry());
                }
            }
            envelopes.insertAll(receipts, false, EnvelopeStore.STORED, clock.instant());
            audit.recordAll(entries);
            return answers;
        });
    }

    /**
     * What handling one envelope produced: the answer, the receipt to store with it and the audit entry (if any),
     * known only once its savepoint is released, so that nothing of a rolled-back envelope is written.
     */
    private record Outcome(Answer answer, Envelope receipt, AuditEvent auditEntry) {
    }

    private Outcome receive(String peer, Envelope envelope, Map<String, byte[]> attachments, boolean savepoint) {
        try {
            return savepoint || isControl(envelope) ? savepoints.execute(status -> store(envelope, attachments))
                    : store(envelope, attachments);
        } catch (EnvelopeRejectedException e) {
            return reject(peer, envelope.id(), envelope, e);
        } catch (DataIntegrityViolationException e) {
            if (!savepoint) {
                throw e; // the whole batch is handled again, this envelope under a savepoint
            }
            // Signed and valid, yet beyond what this node can store (a field longer than its column): refused
            // alone, rather than failing its batch at every attempt.
            return reject(peer, envelope.id(), envelope, new EnvelopeRejectedException(RejectionReason.MALFORMED,
                    "cannot be stored here: a field exceeds this node's limits"));
        }
    }

    private Outcome store(Envelope envelope, Map<String, byte[]> attachments) {
        List<EnvelopeStore.Row> known = envelopes.caseAndId(envelope.caseRef().id(), envelope.id());
        Optional<EnvelopeStore.Row> existing = known.stream().filter(row -> row.envelope().id().equals(envelope.id()))
                .findFirst();
        if (existing.isPresent()) {
            if (!existing.get().envelope().hash().equals(envelope.hash())) {
                throw new EnvelopeRejectedException(RejectionReason.CONFLICT, "id " + envelope.id() + " already names other content");
            }
            return EnvelopeStore.HELD.equals(existing.get().state())
                    ? new Outcome(held(envelope), null, null)
                    : receipt(envelope, "duplicate", entry(envelope, "envelope.receive", "duplicate"));
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
            return new Outcome(held(envelope), null, entry(envelope, "envelope.hold", "waiting for parents"));
        }
        thread.add(envelope);
        return accept(envelope, now, thread);
    }

    /**
     * Stores what an envelope means (controls purge their target), tells the modules, and signs the receipt.
     * {@code thread} is the case's thread with the envelope, as known before any purge.
     */
    private Outcome accept(Envelope envelope, Instant now, List<Envelope> thread) {
        String outcome = "stored";
        CaseThread current;
        if (isControl(envelope)) {
            Optional<Envelope> target = envelopes.byId(envelope.payload().path("envelope").asString(""))
                    .map(EnvelopeStore.Row::envelope)
                    .filter(t -> t.from().equals(envelope.from()) && t.hash().equals(envelope.payload().path("hash").asString("")));
            if (target.isEmpty()) {
                throw new EnvelopeRejectedException(RejectionReason.SCHEMA_VIOLATION,
                        envelope.kind() + " names no envelope of its sender held here");
            }
            envelopes.purge(target.get(), now);
            deleteOrphanedAttachmentsAfterCommit(target.get());
            outcome = ProtocolKinds.RETRACTION.equals(envelope.kind()) ? "purged" : "corrected";
            current = CaseThread.of(envelopes.threadEnvelopes(envelope.caseRef().id()));
        } else {
            current = CaseThread.of(thread);
        }
        events.publishEvent(new CaseEnvelopeStored(envelope.caseRef().id(), envelope.caseRef().type(), envelope.id(),
                envelope.kind(), true, current));
        return receipt(envelope, outcome, entry(envelope, "envelope.receive", envelope.kind()));
    }

    /**
     * A purge drops the payload; the attachments' bytes go too once no envelope holding its content names them.
     * Only after the commit: a batch rolled back and handled again must still find them.
     */
    private void deleteOrphanedAttachmentsAfterCommit(Envelope purged) {
        List<String> hashes = purged.attachments().stream().map(AttachmentRef::sha256).toList();
        if (hashes.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                hashes.stream().filter(sha -> !envelopes.attachmentHeld(sha)).forEach(files::delete);
            }
        });
    }

    /** Retractions and corrections, which purge an earlier envelope of their sender. */
    private static boolean isControl(Envelope envelope) {
        return ProtocolKinds.RETRACTION.equals(envelope.kind()) || ProtocolKinds.CORRECTION.equals(envelope.kind());
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
                    batchTransactions.executeWithoutResult(status -> {
                        envelopes.markStored(envelope.id());
                        Outcome outcome = accept(envelope, clock.instant(),
                                envelopes.threadEnvelopes(envelope.caseRef().id()));
                        envelopes.insert(outcome.receipt(), false, EnvelopeStore.STORED, clock.instant());
                        audit.record(outcome.auditEntry());
                    });
                    released++;
                    progress = true;
                }
            }
        }
        return released;
    }

    /** A signed receipt, to be stored with the batch (the peer's copy is its proof of delivery; this one, ours). */
    private Outcome receipt(Envelope envelope, String outcome, AuditEvent auditEntry) {
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelope.id()).put("hash", envelope.hash())
                .put("outcome", outcome);
        Envelope receipt = acknowledgement(envelope.caseRef(), envelope.from(), ProtocolKinds.RECEIPT, payload);
        return new Outcome(new Answer(envelope.id(), Answer.RECEIPT, receipt.toJson(), outcome), receipt, auditEntry);
    }

    private Answer held(Envelope envelope) {
        return new Answer(envelope.id(), Answer.HELD, null, "waiting for parents " + envelope.parents());
    }

    /** Refuses an envelope: a signed rejection for the sender, an audit entry here, nothing stored. */
    private Outcome reject(String peer, String envelopeId, Envelope envelope, EnvelopeRejectedException e) {
        AuditEvent entry = new AuditEvent("peer:" + peer, "envelope.reject", "envelope", envelopeId, null,
                AuditOutcome.DENIED, e.reason() + ": " + e.detail());
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelopeId).put("reason", e.reason().name())
                .put("detail", e.detail().length() > 1000 ? e.detail().substring(0, 1000) : e.detail());
        if (envelope != null) {
            payload.put("hash", envelope.hash());
        }
        Envelope rejection = acknowledgement(envelope != null ? envelope.caseRef() : new CaseRef("unknown", "unknown"),
                peer, ProtocolKinds.REJECTION, payload);
        return new Outcome(new Answer(envelopeId, Answer.REJECTION, rejection.toJson(), e.reason().name()), null, entry);
    }

    /** A receipt or rejection: signed by this node, addressed to the sender, outside the case's thread. */
    private Envelope acknowledgement(CaseRef caseRef, String sender, String kind, ObjectNode payload) {
        Instant now = clock.instant();
        return identity.envelopeSigner().sign(new EnvelopeDraft(UuidV7.at(now).toString(), caseRef, kind,
                parties.self().code(), List.of(sender), List.of(), now, Handling.ROUTINE, payload, List.of()));
    }

    private static AuditEvent entry(Envelope envelope, String action, String details) {
        return new AuditEvent("peer:" + envelope.from(), action, envelope.caseRef().type(), envelope.caseRef().id(), null,
                AuditOutcome.SUCCESS, details + " " + envelope.id());
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
