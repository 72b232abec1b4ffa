package org.passerelle.server.exchange;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.RequestSignature;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.passerelle.server.security.AnonymousRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Where peers deliver envelopes and fetch parents. Only requests signed by a trusted peer get in. */
@RestController
class ExchangeEndpoint {

    private static final ResponseEntity<String> UNAUTHORIZED = ResponseEntity.status(HttpStatus.UNAUTHORIZED)
            .body("{\"error\":\"unsigned or unknown node\"}");
    private static final ResponseEntity<String> BUSY = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header("Retry-After", "1").body("{\"error\":\"a delivery from your node is already being received\"}");

    private final Inbox inbox;
    private final EnvelopeStore envelopes;
    private final AttachmentFiles files;
    private final PartyDirectory parties;
    private final OutboxWorker worker;
    private final ExchangeProperties properties;
    private final AnonymousRefusals refusals;
    private final SeenSignatures seen;
    private final Clock clock;
    /**
     * Deliveries being received, per peer. A peer's outbox sends one batch at a time, so one is all it needs; more
     * at once would let even a trusted node make this one hold many bodies of the size limit in memory together.
     */
    private final Map<String, Semaphore> receiving = new ConcurrentHashMap<>();

    ExchangeEndpoint(Inbox inbox, EnvelopeStore envelopes, AttachmentFiles files, PartyDirectory parties,
            OutboxWorker worker, ExchangeProperties properties, AnonymousRefusals refusals, SeenSignatures seen,
            Clock clock) {
        this.inbox = inbox;
        this.envelopes = envelopes;
        this.files = files;
        this.parties = parties;
        this.worker = worker;
        this.properties = properties;
        this.refusals = refusals;
        this.seen = seen;
        this.clock = clock;
    }

    @PostMapping(path = PeerTransport.ENVELOPES_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        // The signature covers the body's hash, declared in a header: it is checked, and the size bounded, before
        // the body is read, so that a caller without a trusted key cannot make this node buffer anything.
        long limit = (long) properties.maxEnvelopesPerDelivery() * properties.maxEnvelopeBytes() * 2
                + 4 * properties.maxAttachmentBytes();
        if (request.getContentLengthLong() > limit) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("{\"error\":\"request too large\"}");
        }
        Optional<Peer> peer = authenticate(request);
        if (peer.isEmpty()) {
            return UNAUTHORIZED;
        }
        Semaphore slot = receiving.computeIfAbsent(peer.get().party().code(), party -> new Semaphore(1));
        if (!slot.tryAcquire()) {
            return BUSY;
        }
        try {
            return receive(request, peer.get(), limit);
        } finally {
            slot.release();
        }
    }

    private ResponseEntity<String> receive(HttpServletRequest request, Peer peer, long limit) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("{\"error\":\"request too large\"}");
        }
        if (!bodyMatches(request, bytes)) {
            return UNAUTHORIZED;
        }
        ExchangeBatch batch;
        try {
            batch = ExchangeBatch.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body(EnvelopeJson.write(EnvelopeJson.object().put("error", e.getMessage())));
        }
        if (batch.envelopes().size() > properties.maxEnvelopesPerDelivery()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(EnvelopeJson.write(EnvelopeJson.object()
                    .put("error", batch.envelopes().size() + " envelopes in one delivery; at most "
                            + properties.maxEnvelopesPerDelivery() + " are accepted")));
        }
        if (batch.attachments().values().stream().anyMatch(b -> b.length > properties.maxAttachmentBytes())) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("{\"error\":\"attachment too large\"}");
        }
        // One transaction (and one commit) for the batch; the answers leave only once it is committed, so a
        // receipt never names an envelope that is not stored.
        List<Inbox.Answer> answers = inbox.receiveAll(peer.party().code(), batch.envelopes(), batch.attachments());
        ObjectNode answer = EnvelopeJson.object();
        ArrayNode results = answer.putArray("results");
        boolean held = false;
        for (Inbox.Answer result : answers) {
            held |= result.outcome() == AnswerOutcome.HELD;
            results.addObject().put("id", result.envelopeId()).put("outcome", result.outcome().wire())
                    .put("envelope", result.envelope()).put("detail", result.detail());
        }
        if (held) {
            worker.wake();
        }
        return ResponseEntity.ok(EnvelopeJson.write(answer));
    }

    /** An envelope by hash, for a peer missing it as a parent: only to its sender or one of its recipients. */
    @GetMapping(path = PeerTransport.ENVELOPES_PATH + "/{hash}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> fetch(@PathVariable String hash, HttpServletRequest request) {
        Optional<Peer> peer = authenticate(request);
        if (peer.isEmpty() || !bodyMatches(request, new byte[0])) {
            return UNAUTHORIZED;
        }
        String party = peer.get().party().code();
        return envelopes.byHash(hash)
                .filter(row -> row.state() != EnvelopeState.HELD && row.state() != EnvelopeState.PURGED)
                .map(EnvelopeStore.Row::envelope)
                .filter(e -> e.from().equals(party) || e.addressedTo(party))
                .map(e -> {
                    Map<String, byte[]> attachments = new java.util.HashMap<>();
                    e.attachments().forEach(a -> files.read(a.sha256()).ifPresent(b -> attachments.put(a.sha256(), b)));
                    return ResponseEntity.ok(new String(new ExchangeBatch(List.of(e.toJson()), attachments).toBytes(),
                            java.nio.charset.StandardCharsets.UTF_8));
                })
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body("{\"error\":\"no such envelope for you\"}"));
    }

    /**
     * What the calling node sent in cases of one type, as this node holds it (its newest {@value #RETURNED_LIMIT}):
     * for the caller to check its own records against a copy it cannot alter (its audit chain's witnessed heads).
     */
    @GetMapping(path = PeerTransport.RETURNED_PATH + "/{caseType}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> returned(@PathVariable String caseType, HttpServletRequest request) {
        Optional<Peer> peer = authenticate(request);
        if (peer.isEmpty() || !bodyMatches(request, new byte[0])) {
            return UNAUTHORIZED;
        }
        List<String> sent = envelopes.sentBy(peer.get().party().code(), caseType, RETURNED_LIMIT).stream()
                .map(org.passerelle.protocol.Envelope::toJson).toList();
        return ResponseEntity.ok(new String(new ExchangeBatch(sent, Map.of()).toBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static final int RETURNED_LIMIT = 500;

    /** The trusted peer whose signature the request's headers carry, over the body hash they declare. */
    private Optional<Peer> authenticate(HttpServletRequest request) {
        String party = request.getHeader(RequestSignature.NODE_HEADER);
        Optional<Peer> peer = party == null ? Optional.empty() : parties.peer(party);
        String problem = peer.isEmpty() ? "unknown node " + party
                : RequestSignature.problem(peer.get().publicKey(), request.getMethod(), request.getRequestURI(),
                        request.getHeader(RequestSignature.DATE_HEADER),
                        request.getHeader(RequestSignature.BODY_HASH_HEADER),
                        request.getHeader(RequestSignature.SIGNATURE_HEADER), clock.instant());
        if (problem == null && !seen.firstUse(request.getHeader(RequestSignature.SIGNATURE_HEADER))) {
            problem = "signature already used (a replayed request)";
        }
        if (problem != null) {
            audit(request, party, problem);
            return Optional.empty();
        }
        return peer;
    }

    /** Whether the body read is the one whose hash the signed headers declare. */
    private boolean bodyMatches(HttpServletRequest request, byte[] body) {
        if (RequestSignature.bodyHash(body).equals(request.getHeader(RequestSignature.BODY_HASH_HEADER))) {
            return true;
        }
        audit(request, request.getHeader(RequestSignature.NODE_HEADER), "body does not match its signed hash");
        return false;
    }

    /**
     * Audits a refused request. Its caller is not authenticated (a replayed signature with another body is not either),
     * so it is recorded as any such refusal: one by one up to a number per address and minute, then counted.
     */
    private void audit(HttpServletRequest request, String party, String problem) {
        refusals.record("exchange.request", "exchange", request.getRequestURI(), AuditOutcome.DENIED,
                "as node " + party + ": " + problem);
    }
}
