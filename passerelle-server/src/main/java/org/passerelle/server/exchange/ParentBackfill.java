package org.passerelle.server.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeRejectedException;
import org.passerelle.protocol.EnvelopeVerifier;
import org.passerelle.server.audit.AuditEvent;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the parents of held envelopes from the node that sent them, stores them through the inbox like any
 * delivery, then releases the envelopes that were waiting. A parent this node signed itself, which a crash took back
 * after the peer had received it, comes back from the peer's copy: this node's own signature proves it. Parents that
 * cannot be fetched are asked for again with back-off, so one case waiting for a parent costs little and holds back
 * nothing else.
 */
@Component
class ParentBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ParentBackfill.class);
    /** How far back a chain of this node's own lost envelopes is recovered in one round. */
    private static final int MAX_RECOVERY_DEPTH = 100;

    private final EnvelopeStore envelopes;
    private final Inbox inbox;
    private final Outbox outbox;
    private final PeerTransport transport;
    private final PartyDirectory parties;
    private final EnvelopeVerifier verifier;
    private final AuditLog audit;
    private final ExchangeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ParentBackfill(EnvelopeStore envelopes, Inbox inbox, Outbox outbox, PeerTransport transport, PartyDirectory parties,
            EnvelopeVerifier verifier, AuditLog audit, ExchangeProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.envelopes = envelopes;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transport = transport;
        this.parties = parties;
        this.verifier = verifier;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void fetchMissingParents() {
        Instant now = clock.instant();
        List<EnvelopeStore.HeldRow> due = envelopes.heldDueForFetch(now);
        if (due.isEmpty()) {
            return;
        }
        // A parent several held envelopes wait for is asked for once a round.
        Map<String, Boolean> fetched = new HashMap<>();
        for (EnvelopeStore.HeldRow held : due) {
            Envelope envelope = held.row().envelope();
            Optional<Peer> sender = parties.peer(envelope.from());
            boolean complete = sender.isPresent();
            for (String parent : envelope.parents()) {
                if (sender.isPresent() && !envelopes.stored(parent)) {
                    complete &= fetched.computeIfAbsent(parent, hash -> fetch(sender.get(), hash, 0));
                }
            }
            if (!complete) {
                envelopes.fetchFailed(envelope.id(), now.plus(properties.backoff(held.fetchAttempts() + 1)));
            }
        }
        inbox.releaseHeld();
    }

    /** Fetches one envelope by hash from {@code peer} and stores it; whether it is stored here now. */
    private boolean fetch(Peer peer, String hash, int depth) {
        try {
            Optional<ExchangeBatch> batch = transport.fetch(peer, hash).map(ExchangeBatch::parse);
            if (batch.isEmpty()) {
                LOG.warn("{} does not hold parent {}", peer.party().code(), hash);
                return false;
            }
            for (String json : batch.get().envelopes()) {
                if (signedHere(json)) {
                    recover(peer, json, batch.get().attachments(), depth);
                } else {
                    for (Inbox.Answer answer : inbox.receiveAll(peer.party().code(), List.of(json),
                            batch.get().attachments())) {
                        LOG.info("Backfilled parent {} from {}: {}", hash, peer.party().code(), answer.outcome());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Cannot fetch parent {} from {} yet: {}", hash, peer.party().code(), e.getMessage());
        }
        return envelopes.stored(hash);
    }

    private boolean signedHere(String json) {
        try {
            return parties.self().code().equals(EnvelopeJson.readTree(json).path("from").asString(""));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Stores again an envelope this node signed, from the peer's copy, after its own missing parents (recovered the same
     * way), and queues it for its recipients, whose receipts then say "duplicate". Only this node's own signature
     * makes it one of its envelopes: a copy anyone altered fails the check and is refused.
     */
    private void recover(Peer peer, String json, Map<String, byte[]> attachments, int depth) {
        Envelope envelope = EnvelopeJson.parse(json);
        try {
            verifier.verifySignature(envelope);
        } catch (EnvelopeRejectedException e) {
            LOG.warn("A copy of envelope {} from {} does not carry this node's signature: refused", envelope.id(),
                    peer.party().code());
            return;
        }
        if (envelopes.byId(envelope.id()).isPresent()) {
            return;
        }
        boolean attachmentsWhole = envelope.attachments().stream().allMatch(ref -> attachments.containsKey(ref.sha256())
                && EnvelopeJson.sha256Hex(attachments.get(ref.sha256())).equals(ref.sha256()));
        if (!attachmentsWhole) {
            LOG.warn("A copy of envelope {} from {} lacks its attachments: not recovered", envelope.id(),
                    peer.party().code());
            return;
        }
        if (depth < MAX_RECOVERY_DEPTH) {
            envelope.parents().stream().filter(parent -> !envelopes.stored(parent))
                    .forEach(parent -> fetch(peer, parent, depth + 1));
        }
        transactions.executeWithoutResult(status -> {
            outbox.store(envelope, envelopes.threadEnvelopes(envelope.caseRef().id()), attachments);
            audit.record(new AuditEvent("peer:" + peer.party().code(), "envelope.recover", envelope.caseRef().type(),
                    envelope.caseRef().id(), null, AuditOutcome.SUCCESS,
                    "own " + envelope.kind() + " " + envelope.id() + " lost here, recovered from the peer's copy"));
        });
        LOG.warn("Recovered this node's own envelope {} ({}) from {}: a crash had lost its commit", envelope.id(),
                envelope.kind(), peer.party().code());
    }
}
