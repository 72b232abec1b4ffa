package org.passerelle.server.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.passerelle.protocol.AttachmentRef;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeRejectedException;
import org.passerelle.protocol.EnvelopeSigner;
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
    record Answer(String envelopeId, AnswerOutcome outcome, String envelope, String detail) {
    }

    private final EnvelopeVerifier verifier;
    private final EnvelopeStore envelopes;
    private final AttachmentFiles files;
    private final Purges purges;
    private final NodeIdentity identity;
    private final PartyDirectory parties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate batchTransactions;
    private final TransactionTemplate savepoints;
    private final AuditLog audit;
    private final ExchangeProperties properties;
    private final Clock clock;

    Inbox(EnvelopeVerifier verifier, EnvelopeStore envelopes, AttachmentFiles files, Purges purges,
            NodeIdentity identity, PartyDirectory parties, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            AuditLog audit, ExchangeProperties properties, Clock clock) {
        this.verifier = verifier;
        this.envelopes = envelopes;
        this.files = files;
        this.purges = purges;
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
        this.properties = properties;
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
     * One transaction for the batch. Runs of ordinary envelopes are handled together: what the node holds of their
     * cases is read in one query and they are stored in one batch, which saves the database two round trips per
     * envelope. A control (retraction, correction) goes alone under a savepoint, as it can be refused after
     * writing. Should anything else fail, the batch is rolled back and handled again one envelope per savepoint,
     * so that it cannot fail the others. The acknowledgements are signed at the end, on every core.
     */
    private List<Answer> handleAll(String peer, List<Checked> batch, Map<String, byte[]> attachments,
            boolean savepointEach) {
        return batchTransactions.execute(status -> {
            List<Outcome> outcomes = new ArrayList<>();
            List<Checked> run = new ArrayList<>();
            for (Checked checked : batch) {
                if (savepointEach || (checked.envelope() != null && isControl(checked.envelope()))) {
                    outcomes.addAll(handleGroup(peer, run, attachments));
                    run.clear();
                    outcomes.add(handleAlone(peer, checked, attachments, savepointEach));
                    continue;
                }
                run.add(checked);
                // A run holds its cases' threads in memory and names each in its query: no more than an outbox
                // batch, however many envelopes a request carries.
                if (run.size() == properties.batchSize()) {
                    outcomes.addAll(handleGroup(peer, run, attachments));
                    run.clear();
                }
            }
            outcomes.addAll(handleGroup(peer, run, attachments));
            return finish(outcomes);
        });
    }

    /** One envelope under a savepoint: refused alone, whatever it wrote rolled back, should it fail. */
    private Outcome handleAlone(String peer, Checked checked, Map<String, byte[]> attachments, boolean savepointEach) {
        try {
            return savepoints.execute(status -> handleGroup(peer, List.of(checked), attachments)).get(0);
        } catch (EnvelopeRejectedException e) {
            return reject(peer, checked.id(), checked.envelope(), e);
        } catch (DataIntegrityViolationException e) {
            if (!savepointEach) {
                throw e; // the whole batch is handled again, this envelope under a savepoint
            }
            // Signed and valid, yet beyond what this node can store (a field longer than its column): refused
            // alone, rather than failing its batch at every attempt.
            return reject(peer, checked.id(), checked.envelope(), new EnvelopeRejectedException(
                    RejectionReason.MALFORMED, "cannot be stored here: a field exceeds this node's limits"));
        }
    }

    /**
     * What handling one envelope produced: the outcome for the answer, the acknowledgement still to sign (stored
     * here too when it is a receipt) and the audit entry, known only once its savepoint is released, so that
     * nothing of a rolled-back envelope is written.
     */
    private record Outcome(String envelopeId, AnswerOutcome outcome, EnvelopeDraft acknowledgement, boolean receipt,
            String detail, AuditEvent auditEntry) implements Decision {
    }

    /** What to do with a verified envelope: answer at once (it is known already), or store it. */
    private sealed interface Decision permits Outcome, Placement {
    }

    /**
     * Signs the acknowledgements (on every core), stores the receipts and audit entries in one batch each, and
     * returns the answers in order.
     */
    private List<Answer> finish(List<Outcome> outcomes) {
        EnvelopeSigner signer = identity.envelopeSigner();
        List<Envelope> signed = outcomes.parallelStream()
                .map(o -> o.acknowledgement() == null ? null : signer.sign(o.acknowledgement())).toList();
        List<Envelope> receipts = new ArrayList<>();
        List<AuditEvent> entries = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            Envelope acknowledgement = signed.get(i);
            answers.add(new Answer(outcome.envelopeId(), outcome.outcome(),
                    acknowledgement == null ? null : acknowledgement.toJson(), outcome.detail()));
            if (outcome.receipt()) {
                receipts.add(acknowledgement);
            }
            if (outcome.auditEntry() != null) {
                entries.add(outcome.auditEntry());
            }
        }
        envelopes.insertAll(receipts, false, EnvelopeState.STORED, clock.instant());
        audit.recordAll(entries);
        return answers;
    }

    /** An envelope to store, with the state it gets and, when stored, its case's thread ending with it. */
    private record Placement(Envelope envelope, EnvelopeState state, List<Envelope> thread) implements Decision {
    }

    /**
     * Handles envelopes in order, reading what the node holds of their cases once: each is checked against it
     * (and against the group's earlier envelopes), then all are stored, then each stored one is accepted. A
     * refusal found while checking comes before anything is written; only a control can be refused after.
     */
    private List<Outcome> handleGroup(String peer, List<Checked> group, Map<String, byte[]> attachments) {
        if (group.isEmpty()) {
            return List.of();
        }
        List<Envelope> verified = group.stream().map(Checked::envelope).filter(Objects::nonNull).toList();
        KnownEnvelopes known = new KnownEnvelopes(verified.isEmpty() ? List.of()
                : envelopes.casesAndIds(verified.stream().map(e -> e.caseRef().id()).collect(Collectors.toSet()),
                        verified.stream().map(Envelope::id).collect(Collectors.toSet())));
        Instant now = clock.instant();
        Outcome[] outcomes = new Outcome[group.size()];
        Map<Integer, Placement> placements = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            Checked checked = group.get(i);
            if (checked.refusal() != null) {
                outcomes[i] = reject(peer, checked.id(), null, checked.refusal());
                continue;
            }
            try {
                switch (place(checked.envelope(), known, attachments)) {
                    case Outcome answered -> outcomes[i] = answered;
                    case Placement placement -> {
                        placements.put(i, placement);
                        known.add(new EnvelopeStore.Row(placement.envelope(), true, placement.state(), now));
                    }
                }
            } catch (EnvelopeRejectedException e) {
                outcomes[i] = reject(peer, checked.id(), checked.envelope(), e);
            }
        }
        store(placements.values(), attachments, now);
        List<CaseEnvelopeStored> stored = new ArrayList<>();
        placements.forEach((i, placement) -> outcomes[i] = placement.state() == EnvelopeState.HELD
                ? new Outcome(placement.envelope().id(), AnswerOutcome.HELD, null, false, heldDetail(placement.envelope()),
                        entry(placement.envelope(), "envelope.hold", "waiting for parents"))
                : accept(placement.envelope(), now, placement.thread(), stored));
        publish(stored);
        return List.of(outcomes);
    }

    /**
     * Where an envelope goes, decided from what the node holds: answered again when it is known already (a
     * re-delivery), else stored, held when a parent is missing.
     */
    private Decision place(Envelope envelope, KnownEnvelopes known, Map<String, byte[]> attachments) {
        Optional<EnvelopeStore.Row> existing = known.byId(envelope.id());
        if (existing.isPresent()) {
            if (!existing.get().envelope().hash().equals(envelope.hash())) {
                throw new EnvelopeRejectedException(RejectionReason.CONFLICT, "id " + envelope.id() + " already names other content");
            }
            return existing.get().state() == EnvelopeState.HELD
                    ? new Outcome(envelope.id(), AnswerOutcome.HELD, null, false, heldDetail(envelope), null)
                    : receipt(envelope, "duplicate", entry(envelope, "envelope.receive", "duplicate"));
        }
        for (AttachmentRef ref : envelope.attachments()) {
            byte[] content = attachments.get(ref.sha256());
            if (content == null || content.length != ref.size() || !EnvelopeJson.sha256Hex(content).equals(ref.sha256())) {
                throw new EnvelopeRejectedException(RejectionReason.ATTACHMENT_MISMATCH,
                        "attachment '" + ref.name() + "' is missing or does not match its hash and size");
            }
        }
        // Parents are normally in the case, which the node knows already; any other is looked up, as the protocol
        // does not forbid it.
        boolean parentsStored = envelope.parents().stream().allMatch(p -> known.storedHash(p) || envelopes.stored(p));
        if (!parentsStored) {
            return new Placement(envelope, EnvelopeState.HELD, List.of());
        }
        List<Envelope> thread = new ArrayList<>(known.thread(envelope.caseRef().id()));
        thread.add(envelope);
        return new Placement(envelope, EnvelopeState.STORED, thread);
    }

    /** Stores placed envelopes, byte for byte, with their attachments. */
    private void store(Collection<Placement> placements, Map<String, byte[]> attachments, Instant now) {
        for (EnvelopeState state : List.of(EnvelopeState.STORED, EnvelopeState.HELD)) {
            List<Envelope> inState = placements.stream().filter(p -> p.state().equals(state)).map(Placement::envelope)
                    .toList();
            if (!inState.isEmpty()) {
                envelopes.insertAll(inState, true, state, now);
            }
        }
        for (Placement placement : placements) {
            for (AttachmentRef ref : placement.envelope().attachments()) {
                files.save(ref.sha256(), attachments.get(ref.sha256()));
                envelopes.insertAttachment(placement.envelope().id(), ref.sha256(), ref.name(), ref.mediaType(),
                        ref.size());
            }
        }
    }

    /**
     * Stores what an envelope means (controls purge their target), adds what the modules are to be told to
     * {@code stored}, and prepares the receipt. {@code thread} is the case's thread with the envelope, as known
     * before any purge.
     */
    private Outcome accept(Envelope envelope, Instant now, List<Envelope> thread, List<CaseEnvelopeStored> stored) {
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
            purges.purge(target.get(), now);
            outcome = ProtocolKinds.RETRACTION.equals(envelope.kind()) ? "purged" : "corrected";
            current = CaseThread.of(envelopes.threadEnvelopes(envelope.caseRef().id()));
        } else {
            current = CaseThread.of(thread);
        }
        stored.add(new CaseEnvelopeStored(envelope.caseRef().id(), envelope.caseRef().type(), envelope.id(),
                envelope.kind(), true, current));
        return receipt(envelope, outcome, entry(envelope, "envelope.receive", envelope.kind()));
    }

    /** Tells the modules, in one event, of the envelopes just stored together. */
    private void publish(List<CaseEnvelopeStored> stored) {
        if (!stored.isEmpty()) {
            events.publishEvent(new CaseEnvelopesStored(stored));
        }
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
                        List<CaseEnvelopeStored> stored = new ArrayList<>();
                        Outcome outcome = accept(envelope, clock.instant(),
                                envelopes.threadEnvelopes(envelope.caseRef().id()), stored);
                        publish(stored);
                        finish(List.of(outcome));
                    });
                    released++;
                    progress = true;
                }
            }
        }
        return released;
    }

    /** A receipt, to be signed and stored with the batch (the peer's copy is its proof of delivery; this one, ours). */
    private Outcome receipt(Envelope envelope, String outcome, AuditEvent auditEntry) {
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelope.id()).put("hash", envelope.hash())
                .put("outcome", outcome);
        return new Outcome(envelope.id(), AnswerOutcome.RECEIPT,
                acknowledgement(envelope.caseRef(), envelope.from(), ProtocolKinds.RECEIPT, payload), true, outcome,
                auditEntry);
    }

    private static String heldDetail(Envelope envelope) {
        return "waiting for parents " + envelope.parents();
    }

    /** Refuses an envelope: a rejection to sign for the sender, an audit entry here, nothing stored. */
    private Outcome reject(String peer, String envelopeId, Envelope envelope, EnvelopeRejectedException e) {
        AuditEvent entry = new AuditEvent("peer:" + peer, "envelope.reject", "envelope", envelopeId, null,
                AuditOutcome.DENIED, e.reason() + ": " + e.detail());
        ObjectNode payload = EnvelopeJson.object().put("envelope", envelopeId).put("reason", e.reason().name())
                .put("detail", e.detail().length() > 1000 ? e.detail().substring(0, 1000) : e.detail());
        if (envelope != null) {
            payload.put("hash", envelope.hash());
        }
        EnvelopeDraft rejection = acknowledgement(envelope != null ? envelope.caseRef() : new CaseRef("unknown", "unknown"),
                peer, ProtocolKinds.REJECTION, payload);
        return new Outcome(envelopeId, AnswerOutcome.REJECTION, rejection, false, e.reason().name(), entry);
    }

    /** A receipt or rejection, to be signed by this node: addressed to the sender, outside the case's thread. */
    private EnvelopeDraft acknowledgement(CaseRef caseRef, String sender, String kind, ObjectNode payload) {
        Instant now = clock.instant();
        return new EnvelopeDraft(UuidV7.at(now).toString(), caseRef, kind, parties.self().code(), List.of(sender),
                List.of(), now, Handling.ROUTINE, payload, List.of());
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
