package org.passerelle.server.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeRejectedException;
import org.passerelle.protocol.EnvelopeVerifier;
import org.passerelle.protocol.ProtocolKinds;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.passerelle.server.storage.RedoableTransactions;
import org.passerelle.server.storage.RoundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Delivers the outbox: for each peer, its unsettled envelopes in the order they were written, in batches,
 * until each has the peer's signed receipt or rejection. A failed attempt waits longer each time (exponential
 * back-off with jitter) and holds back everything after it, so a peer never sees a later envelope first. An
 * envelope the peer holds for missing parents leaves the line: it is offered again, with the same back-off, until the
 * peer has fetched its parents and answers with a receipt, while the envelopes after it (other cases) go on.
 * The outbox is the database, so a crash between commit and send only delays delivery. Its bookkeeping commits
 * without waiting for the disk: if a crash loses it, the envelopes are sent again and the peer, which stores
 * each envelope once, answers again.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final DeliveryStore deliveries;
    private final EnvelopeStore envelopes;
    private final AttachmentFiles files;
    private final PeerTransport transport;
    private final PartyDirectory parties;
    private final EnvelopeVerifier verifier;
    private final ExchangeProperties properties;
    private final RedoableTransactions transactions;
    private final ParentBackfill backfill;
    private final Clock clock;
    private final boolean enabled;
    private final RoundWorker worker;

    OutboxWorker(DeliveryStore deliveries, EnvelopeStore envelopes, AttachmentFiles files, PeerTransport transport,
            PartyDirectory parties, EnvelopeVerifier verifier, ExchangeProperties properties,
            RedoableTransactions transactions, ParentBackfill backfill, Clock clock) {
        this.deliveries = deliveries;
        this.envelopes = envelopes;
        this.files = files;
        this.transport = transport;
        this.parties = parties;
        this.verifier = verifier;
        this.properties = properties;
        this.transactions = transactions;
        this.backfill = backfill;
        this.clock = clock;
        this.enabled = properties.outboxEnabled();
        this.worker = new RoundWorker("outbox", properties.pollInterval(), this::round);
    }

    /** Asks for a round (deliveries, then missing parents) now rather than at the next poll. */
    void wake() {
        worker.wake();
    }

    /** Asks for a round once the current transaction commits. */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    private void round() {
        deliverDue();
        backfill.fetchMissingParents();
    }

    /**
     * One round: every peer whose oldest unsettled delivery is due gets its next batch. The peers are few and each
     * look is one range of an index, where a search for the peers with something pending read the whole table.
     */
    void deliverDue() {
        parties.peers().forEach(this::deliverTo);
    }

    private void deliverTo(Peer peer) {
        Instant now = clock.instant();
        List<DeliveryStore.Pending> batch = new ArrayList<>();
        List<DeliveryStore.Pending> inLine = deliveries.pending(peer.party().code(), properties.batchSize());
        if (!inLine.isEmpty() && !inLine.get(0).nextAttemptAt().isAfter(now)) {
            batch.addAll(inLine);
        }
        if (batch.size() < properties.batchSize()) {
            batch.addAll(deliveries.heldDue(peer.party().code(), properties.batchSize() - batch.size(), now));
            batch.sort(Comparator.comparingLong(DeliveryStore.Pending::seq));
        }
        if (batch.isEmpty()) {
            return;
        }
        Instant retryAt = now.plus(properties.backoff(batch.get(0).attempts() + 1));
        transactions.run(() -> deliveries.markSent(batch.stream().map(DeliveryStore.Pending::seq).toList(),
                now, retryAt));
        Map<String, DeliveryStore.Pending> byId = new LinkedHashMap<>();
        batch.forEach(pending -> byId.put(pending.envelopeId(), pending));
        Map<String, byte[]> attachments = new HashMap<>();
        for (String sha256 : deliveries.attachmentHashes(List.copyOf(byId.keySet()))) {
            files.read(sha256).ifPresent(bytes -> attachments.put(sha256, bytes));
        }
        List<PeerTransport.Result> results;
        try {
            results = transport.post(peer, batch.stream().map(DeliveryStore.Pending::body).toList(), attachments);
        } catch (IOException | RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.info("Delivery to {} failed ({} envelopes), next attempt at {}: {}", peer.party().code(), batch.size(),
                    retryAt, error);
            transactions.run(() -> batch.forEach(p -> retryLater(p, retryAt, error)));
            return;
        }
        // Answers are checked first, on every core (signatures cost CPU, not locks), then recorded together.
        List<Settlement> settlements = results.parallelStream().filter(r -> byId.containsKey(r.envelopeId()))
                .map(r -> settlement(peer, byId.get(r.envelopeId()), r)).toList();
        transactions.run(() -> record(settlements, retryAt));
        if (results.size() == batch.size() && batch.size() == properties.batchSize()) {
            wake();
        }
    }

    /**
     * What one answer means for its delivery: the peer's verified receipt or rejection, or a reason to offer it again
     * ({@code held}: the peer holds it for missing parents).
     */
    private record Settlement(DeliveryStore.Pending pending, Envelope answer, String retryReason, boolean held) {
        Settlement(DeliveryStore.Pending pending, Envelope answer, String retryReason) {
            this(pending, answer, retryReason, false);
        }
    }

    private Settlement settlement(Peer peer, DeliveryStore.Pending pending, PeerTransport.Result result) {
        if (result.outcome() == AnswerOutcome.HELD) {
            return new Settlement(pending, null, "held by " + peer.party().code() + ": " + result.detail(), true);
        }
        Envelope answer;
        try {
            answer = verifier.verify(result.envelope());
        } catch (EnvelopeRejectedException | NullPointerException e) {
            return new Settlement(pending, null, "unverifiable answer from " + peer.party().code());
        }
        boolean answersIt = answer.from().equals(peer.party().code())
                && pending.envelopeId().equals(answer.payload().path("envelope").asString(""))
                && ProtocolKinds.acknowledgement(answer.kind());
        return answersIt ? new Settlement(pending, answer, null)
                : new Settlement(pending, null, "answer does not name this envelope");
    }

    private void record(List<Settlement> settlements, Instant retryAt) {
        Instant now = clock.instant();
        List<Envelope> answers = new ArrayList<>();
        List<DeliveryStore.Acceptance> accepted = new ArrayList<>();
        for (Settlement s : settlements) {
            if (s.held()) {
                deliveries.markHeld(s.pending().seq(), heldRetryAt(s.pending(), now), s.retryReason());
                continue;
            }
            if (s.answer() == null) {
                retryLater(s.pending(), retryAt, s.retryReason());
                continue;
            }
            // Each answer is a new envelope (a re-delivery is answered by a new receipt), so it is stored as it comes.
            answers.add(s.answer());
            JsonNode payload = s.answer().payload();
            if (ProtocolKinds.RECEIPT.equals(s.answer().kind())) {
                accepted.add(new DeliveryStore.Acceptance(s.pending().seq(), s.answer().id(),
                        payload.path("outcome").asString("")));
            } else {
                deliveries.markRejected(s.pending().seq(), payload.path("reason").asString(""),
                        payload.path("detail").asString(""), now);
            }
        }
        envelopes.insertAll(answers, true, EnvelopeState.STORED, now);
        deliveries.markAccepted(accepted, now);
    }

    /** A failed attempt: a held delivery stays out of line, any other holds back those after it. */
    private void retryLater(DeliveryStore.Pending pending, Instant retryAt, String error) {
        if (pending.held()) {
            deliveries.markHeld(pending.seq(), heldRetryAt(pending, clock.instant()), error);
        } else {
            deliveries.markRetrying(pending.seq(), retryAt, error);
        }
    }

    /** When a held delivery is offered again: its own back-off, as it goes out of line. */
    private Instant heldRetryAt(DeliveryStore.Pending pending, Instant now) {
        return now.plus(properties.backoff(pending.attempts() + 1));
    }

    @Override
    public void start() {
        if (enabled) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
