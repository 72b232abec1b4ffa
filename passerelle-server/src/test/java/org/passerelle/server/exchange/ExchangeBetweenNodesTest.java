package org.passerelle.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.server.support.TwoNodes.await;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.PublicKeys;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.cli.DemoNetworks;
import org.passerelle.server.intel.InformationRequestState;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.NewInformationRequest;
import org.passerelle.server.intel.RequestStatus;
import org.passerelle.server.intel.network.NetworkLink;
import org.passerelle.server.intel.network.NetworkSlice;
import org.passerelle.server.intel.network.NetworkSummary;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.TwoNodes;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Two real nodes over real HTTP: delivery under faults, refusals, ordering, controls and handling codes. */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeBetweenNodesTest {

    /** What the receiver logs when a batch fails as a whole and is handled again one envelope at a time. */
    private static final String HANDLED_AGAIN = "failed as a whole";

    private static TwoNodes nodes;
    private static TwoNodes.Node france;
    private static TwoNodes.Node morocco;

    @BeforeAll
    static void startNodes() throws Exception {
        // Morocco also trusts a Spanish node that never answers: the third party of the H2 test.
        String spainKey = PublicKeys.encode(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        nodes = TwoNodes.prepare(Map.of("MA", Map.of("passerelle.peers[1].party", "ES",
                "passerelle.peers[1].base-url", "http://localhost:9", "passerelle.peers[1].public-key", spainKey)));
        france = nodes.france();
        morocco = nodes.morocco();
        france.start();
        morocco.start();
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    @Test
    void aRequestIsAnsweredAndBothNodesDeriveTheSameState() {
        String caseId = open("Phone used in Tangier", "H0");
        await("the request to reach Morocco", () -> exists(morocco, caseId));
        await("France's receipt", () -> settled(france, caseId));

        morocco.bean(InformationRequests.class).askBack(Viewer.node(), caseId, "Which period?");
        await("the question to reach France", () -> state(france, caseId).status() == RequestStatus.QUESTION_ASKED);
        france.bean(InformationRequests.class).clarify(Viewer.node(), caseId, "March 2026.");
        await("the clarification to reach Morocco", () -> state(morocco, caseId).status() == RequestStatus.AWAITING_ANSWER);
        morocco.bean(InformationRequests.class).answer(Viewer.node(), caseId, "Registered to a company in Tetouan.");
        await("the answer to reach France", () -> state(france, caseId).status() == RequestStatus.ANSWERED);
        await("every receipt", () -> settled(france, caseId) && settled(morocco, caseId));

        assertThat(state(france, caseId)).isEqualTo(state(morocco, caseId));
        assertThat(records(france, caseId)).filteredOn(r -> !r.incoming() && !r.envelope().kind().equals("receipt"))
                .allSatisfy(r -> assertThat(r.deliveries()).singleElement()
                        .satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.ACCEPTED)));
        assertThat(records(morocco, caseId)).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void aPeerDownThenBackGetsEverythingExactlyOnce() {
        morocco.stop();
        try {
            String caseId = open("Sent while Morocco is down", "H0");
            await("a failed attempt", () -> delivery(france, caseId).attempts() >= 2);
            assertThat(delivery(france, caseId).state()).isIn(DeliveryState.RETRYING, DeliveryState.SENT);
            assertThat(delivery(france, caseId).lastError()).isNotBlank();
            morocco.start();
            await("delivery after Morocco is back", () -> delivery(france, caseId).state() == DeliveryState.ACCEPTED);
            String requestId = records(france, caseId).get(0).envelope().id();
            assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE id = '" + requestId + "'")).isEqualTo(1);
            assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE case_id = '" + caseId
                    + "' AND kind = 'information-request.request'")).isEqualTo(1);
        } finally {
            if (!running(morocco)) {
                morocco.start();
            }
        }
    }

    @Test
    void aCrashBetweenCommitAndSendOnlyDelaysDelivery() {
        france.stop();
        france.start(Map.of("passerelle.exchange.outbox-enabled", false));
        String caseId;
        try {
            caseId = open("Written just before a crash", "H0");
            assertThat(delivery(france, caseId).state()).isEqualTo(DeliveryState.QUEUED);
        } finally {
            france.stop();
            france.start();
        }
        await("the outbox to resume", () -> delivery(france, caseId).state() == DeliveryState.ACCEPTED);
        assertThat(exists(morocco, caseId)).isTrue();
    }

    @Test
    void theSameEnvelopeDeliveredTwiceIsStoredOnce() throws Exception {
        String caseId = open("Delivered twice", "H0");
        await("first delivery", () -> settled(france, caseId));
        Envelope request = records(france, caseId).get(0).envelope();

        List<PeerTransport.Result> again = post(request.toJson());
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AnswerOutcome.RECEIPT);
            assertThat(r.detail()).isEqualTo("duplicate");
        });
        assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE id = '" + request.id() + "'")).isEqualTo(1);
    }

    @Test
    void badEnvelopesAreRejectedWithTheirReasonAndNothingIsStored() throws Exception {
        long before = count(morocco, "SELECT COUNT(*) FROM exchange_envelope");
        EnvelopeSigner franceSigner = france.bean(NodeIdentity.class).envelopeSigner();

        String tampered = franceSigner.sign(draft("FR", "genuine text", Instant.now())).toJson().replace("genuine text", "forged text");
        assertRejected(tampered, "BAD_SIGNATURE");

        EnvelopeSigner impostor = new EnvelopeSigner("FR", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        assertRejected(impostor.sign(draft("FR", "impostor", Instant.now())).toJson(), "BAD_SIGNATURE");

        EnvelopeSigner stranger = new EnvelopeSigner("DZ", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        assertRejected(stranger.sign(draft("DZ", "stranger", Instant.now())).toJson(), "UNKNOWN_SENDER");

        assertRejected(franceSigner.sign(draft("FR", "replayed", Instant.now().minus(Duration.ofDays(60)))).toJson(), "TOO_OLD");

        assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope")).isEqualTo(before);
        assertThat(morocco.bean(AuditLog.class).search(new AuditFilter(null, "envelope.reject", null, null, null, 100)))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void attachmentsTravelBesideTheirEnvelopeAndAreCheckedAgainstTheirHash() throws Exception {
        byte[] photo = "JPEG bytes of a passport page".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String caseId = france.bean(InformationRequests.class).open(Viewer.node(), new NewInformationRequest("MA", "With a photo",
                "Is this document genuine?", "NORMAL", "H0", "B", "2", null),
                List.of(new NewAttachment("passport.jpg", "image/jpeg", photo)));
        await("delivery", () -> settled(france, caseId));
        EnvelopeRecord received = records(morocco, caseId).get(0);
        assertThat(received.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("passport.jpg");
            assertThat(a.sha256()).isEqualTo(EnvelopeJson.sha256Hex(photo));
        });
        assertThat(morocco.bean(InformationRequests.class).attachment(Viewer.node(), caseId, EnvelopeJson.sha256Hex(photo))).hasValue(photo);

        // The same attachment named by a new envelope delivered without the bytes: refused, nothing stored.
        Envelope withAttachment = records(france, caseId).get(0).envelope();
        EnvelopeSigner signer = france.bean(NodeIdentity.class).envelopeSigner();
        Envelope fresh = signer.sign(new EnvelopeDraft(UuidV7.at(Instant.now()).toString(),
                new CaseRef(UuidV7.at(Instant.now()).toString(), "information-request"), withAttachment.kind(), "FR",
                List.of("MA"), List.of(), Instant.now(), withAttachment.handling(), withAttachment.payload(),
                withAttachment.attachments()));
        assertRejected(fresh.toJson(), "ATTACHMENT_MISMATCH");
    }

    @Test
    void unsignedRequestsAreRefused() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(morocco.baseUrl() + PeerTransport.ENVELOPES_PATH))
                .header("Passerelle-Node", "FR").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"envelopes\":[]}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);

        var huge = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(morocco.baseUrl() + PeerTransport.ENVELOPES_PATH))
                .header("Passerelle-Node", "FR")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[300 * 1024 * 1024]))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    /** The signature is checked before the body is read: an unsigned request is refused without its body. */
    @Test
    void anUnsignedRequestIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", morocco.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + PeerTransport.ENVELOPES_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Passerelle-Node: FR\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Not one byte of the announced body is sent: a node waiting for it would time out here.
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 401");
        }
    }

    /**
     * A peer's deliveries are received one at a time: while one is being read, another from the same node is told to
     * come back later, so that even a trusted node cannot make this one hold many large bodies at once.
     */
    @Test
    void aNodeDeliversOneBatchAtATime() throws Exception {
        byte[] body = new ExchangeBatch(List.of(), Map.of()).toBytes();
        try (java.net.Socket reading = holdAReceivingSlot(body)) {
            var second = java.net.http.HttpClient.newHttpClient().send(signedAsFrance(body, body),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
        }
        // The first delivery's connection is gone: the node receives from France again.
        assertThat(deliverAsFrance(body, body).statusCode()).isEqualTo(200);
    }

    /**
     * Opens a delivery signed by France whose body never arrives, so that Morocco sits reading it. France's outbox may
     * hold the slot at that moment (answered 429 at once): then it tries again.
     */
    private static java.net.Socket holdAReceivingSlot(byte[] body) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Instant now = Instant.now();
            String hash = org.passerelle.protocol.RequestSignature.bodyHash(body);
            java.net.Socket socket = new java.net.Socket("localhost", morocco.port());
            socket.getOutputStream().write(("POST " + PeerTransport.ENVELOPES_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Passerelle-Node: FR\r\nPasserelle-Date: " + now + "\r\nPasserelle-Body-SHA256: " + hash + "\r\n"
                    + "Passerelle-Signature: " + france.bean(NodeIdentity.class).signRequest("POST",
                            PeerTransport.ENVELOPES_PATH, now, hash) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body, 0, 1);
            socket.getOutputStream().flush();
            socket.setSoTimeout(500);
            try {
                socket.getInputStream().read();
                socket.close(); // answered at once: the slot was taken
                Thread.sleep(100);
            } catch (java.net.SocketTimeoutException reading) {
                return socket;
            }
        }
        throw new AssertionError("Morocco never sat reading a delivery from France");
    }

    /** A delivery signed by France over {@code signedBody}, carrying {@code sentBody}. */
    private static java.net.http.HttpRequest signedAsFrance(byte[] signedBody, byte[] sentBody) {
        Instant now = Instant.now();
        String hash = org.passerelle.protocol.RequestSignature.bodyHash(signedBody);
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(morocco.baseUrl() + PeerTransport.ENVELOPES_PATH))
                .header("Passerelle-Node", "FR").header("Passerelle-Date", now.toString())
                .header("Passerelle-Body-SHA256", hash)
                .header("Passerelle-Signature", france.bean(NodeIdentity.class)
                        .signRequest("POST", PeerTransport.ENVELOPES_PATH, now, hash))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sentBody)).build();
    }

    /** Sends {@link #signedAsFrance}; France's own outbox may be delivering at that moment, so a busy answer is retried. */
    private static java.net.http.HttpResponse<String> deliverAsFrance(byte[] signedBody, byte[] sentBody)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            var response = java.net.http.HttpClient.newHttpClient().send(signedAsFrance(signedBody, sentBody),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 50) {
                return response;
            }
            Thread.sleep(100);
        }
    }

    /** A peer cannot make a node hold and answer an unbounded batch: more envelopes than the limit are refused whole. */
    @Test
    void aDeliveryOfMoreEnvelopesThanTheLimitIsRefusedWhole() throws Exception {
        byte[] body = new ExchangeBatch(java.util.Collections.nCopies(101, "{}"), Map.of()).toBytes();
        var response = deliverAsFrance(body, body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("101 envelopes in one delivery; at most 100 are accepted");
    }

    /** A captured signed request played again while its date is still accepted is refused and audited. */
    @Test
    void aReplayedRequestSignatureIsRefused() throws Exception {
        byte[] body = new ExchangeBatch(List.of(), Map.of()).toBytes();
        java.net.http.HttpRequest captured = signedAsFrance(body, body);
        var client = java.net.http.HttpClient.newHttpClient();
        var first = client.send(captured, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isIn(200, 429); // 429: France's own outbox held the reception slot
        var replayed = client.send(captured, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(morocco.bean(AuditLog.class).search(new AuditFilter(null, "exchange.request", null, null, null, 100)))
                .anySatisfy(e -> assertThat(e.event().details())
                        .isEqualTo("as node FR: signature already used (a replayed request)"));
    }

    /** Refused requests are audited one by one up to a limit per address and minute, then only counted. */
    @Test
    void refusedRequestsCannotFillTheAuditLog() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            var refused = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(morocco.baseUrl() + PeerTransport.ENVELOPES_PATH))
                    .header("Passerelle-Node", "XZ").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
        }
        assertThat(morocco.bean(AuditLog.class).search(new AuditFilter(null, "exchange.request", null, null, null, 1000))
                .stream().filter(e -> e.event().details().startsWith("as node XZ")).count()).isBetween(1L, 60L);
    }

    /** A signed request whose body is not the one it signed is refused and nothing is stored. */
    @Test
    void aBodyOtherThanTheSignedOneIsRefused() throws Exception {
        Envelope envelope = france.bean(NodeIdentity.class).envelopeSigner().sign(draft("FR", "swapped body", Instant.now()));
        byte[] signedBody = new ExchangeBatch(List.of(envelope.toJson()), Map.of()).toBytes();
        byte[] sentBody = new ExchangeBatch(List.of(), Map.of()).toBytes();
        var response = deliverAsFrance(signedBody, sentBody);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(morocco.bean(AuditLog.class).search(new AuditFilter(null, "exchange.request", null, null, null, 100)))
                .anySatisfy(e -> assertThat(e.event().details()).isEqualTo("as node FR: body does not match its signed hash"));
    }

    @Test
    void anEnvelopeArrivingBeforeItsParentIsHeldThenBackfilled() throws Exception {
        france.stop();
        france.start(Map.of("passerelle.exchange.outbox-enabled", false));
        String caseId = open("Parent and child", "H0");
        france.bean(InformationRequests.class).retract(Viewer.node(), caseId,
                records(france, caseId).get(0).envelope().id(), "sent to the wrong service");
        List<EnvelopeRecord> written = records(france, caseId);
        Envelope child = written.get(1).envelope();
        assertThat(child.parents()).containsExactly(written.get(0).envelope().hash());

        assertThat(post(child.toJson())).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(AnswerOutcome.HELD));
        await("the parent to be fetched and both stored", () -> exists(morocco, caseId)
                && count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE case_id = '" + caseId + "' AND state = 'HELD'") == 0);
        assertThat(state(morocco, caseId).status()).isEqualTo(RequestStatus.WITHDRAWN);
        // The parent came whole from its sender (its signature must be checked), and its retraction, released
        // right after it, purged it: the retracted content does not stay with a recipient that missed it.
        assertThat(records(morocco, caseId)).filteredOn(r -> r.envelope().id().equals(written.get(0).envelope().id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.purged()).isTrue();
                    assertThat(r.envelope().payload().isEmpty()).isTrue();
                });
        france.stop();
        france.start();
        await("the outbox to settle", () -> settled(france, caseId));
    }

    @Test
    void anEnvelopeThisNodeLostIsRecoveredFromThePeersCopy() {
        String caseId = open("Lost at home", "H0");
        await("the request to reach Morocco and its receipt", () -> exists(morocco, caseId) && settled(france, caseId));
        // A crash took back France's commit after Morocco had received the request (what a node without durable
        // commits lost): France no longer holds it.
        Envelope request = records(france, caseId).get(0).envelope();
        JdbcClient frenchDatabase = france.bean(JdbcClient.class);
        frenchDatabase.sql("DELETE FROM exchange_delivery WHERE envelope_id = :id").param("id", request.id()).update();
        frenchDatabase.sql("DELETE FROM exchange_envelope WHERE case_id = :c").param("c", caseId).update();
        frenchDatabase.sql("DELETE FROM intel_information_request WHERE case_id = :c").param("c", caseId).update();
        assertThat(records(france, caseId)).isEmpty();

        morocco.bean(InformationRequests.class).answer(Viewer.node(), caseId, "We know this one.");
        await("France to recover its request from Morocco's copy and take the answer",
                () -> exists(france, caseId) && state(france, caseId).status() == RequestStatus.ANSWERED);
        assertThat(records(france, caseId)).filteredOn(r -> r.envelope().id().equals(request.id())).singleElement()
                .satisfies(r -> {
                    assertThat(r.incoming()).isFalse();
                    assertThat(r.envelope().hash()).isEqualTo(request.hash());
                });
        // Offered to Morocco again, it is acknowledged as a duplicate: the recovered copy is the one Morocco holds.
        await("the recovered request's receipt", () -> settled(france, caseId));
        assertThat(records(france, caseId)).filteredOn(r -> r.envelope().id().equals(request.id())).singleElement()
                .satisfies(r -> assertThat(r.deliveries()).singleElement()
                        .satisfies(d -> assertThat(d.receiptOutcome()).isEqualTo("duplicate")));
        assertThat(france.bean(AuditLog.class).search(new AuditFilter(null, "envelope.recover", caseId, null, null, 10)))
                .hasSize(1);
    }

    @Test
    void aCaseWaitingForAParentNobodyHasDoesNotHoldBackTheOthers() throws InterruptedException {
        // Morocco sends France an envelope whose parent no node holds: France holds it and cannot fetch the parent.
        Instant now = Instant.now();
        Envelope orphan = morocco.bean(NodeIdentity.class).envelopeSigner().sign(new EnvelopeDraft(
                UuidV7.at(now).toString(), new CaseRef(UuidV7.at(now).toString(), "information-request"),
                "information-request.request", "MA", List.of("FR"), List.of("ab".repeat(32)), now,
                new Handling(HandlingCode.H0, 'X', 4, null),
                EnvelopeJson.object().put("subject", "Orphan").put("question", "Orphan").put("urgency", "NORMAL"),
                List.of()));
        morocco.bean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(
                status -> morocco.bean(Outbox.class).store(orphan, List.of(), Map.of()));
        await("France to hold the orphan", () -> delivery(morocco, orphan.caseRef().id()).state() == DeliveryState.HELD);

        String later = morocco.bean(InformationRequests.class).open(Viewer.node(), new NewInformationRequest("FR", "Later case",
                "Anything on this boat?", "NORMAL", "H0", "B", "2", null), List.of());
        await("a later case to reach France past the held one", () -> exists(france, later) && settled(morocco, later));
        assertThat(delivery(morocco, orphan.caseRef().id()).state()).isEqualTo(DeliveryState.HELD);
        // The parent is asked for with back-off, not at every round of the outbox (ten a second here): capped at one
        // second here and jittered down to half of it, so at most six attempts in three seconds, one more in flight.
        String attempts = "SELECT fetch_attempts FROM exchange_envelope WHERE id = '" + orphan.id() + "'";
        long before = count(france, attempts);
        Thread.sleep(3000);
        assertThat(count(france, attempts) - before).isBetween(1L, 7L);
    }

    @Test
    void aRetractedMessageIsPurgedAndThePurgeConfirmed() {
        String caseId = open("Wrong person", "H1");
        await("delivery", () -> settled(france, caseId));
        String requestId = records(france, caseId).get(0).envelope().id();
        france.bean(InformationRequests.class).retract(Viewer.node(), caseId, requestId, "wrong person");
        await("the purge receipt", () -> settled(france, caseId));

        EnvelopeRecord purged = records(morocco, caseId).stream().filter(r -> r.envelope().id().equals(requestId))
                .findFirst().orElseThrow();
        assertThat(purged.purged()).isTrue();
        assertThat(purged.envelope().payload().isEmpty()).isTrue();
        assertThat(purged.envelope().hash()).isEqualTo(records(france, caseId).get(0).envelope().hash());
        assertThat(records(france, caseId)).filteredOn(r -> r.envelope().kind().equals("retraction"))
                .singleElement().satisfies(r -> assertThat(r.deliveries().get(0).receiptOutcome()).isEqualTo("purged"));
        assertThat(state(morocco, caseId).messages().get(0).retracted()).isTrue();
        assertThat(state(morocco, caseId).messages().get(0).text()).isNull();
    }

    @Test
    void aRetractedMessagesAttachmentIsDeletedByTheReceiver() {
        byte[] scan = "PDF bytes of the wrong person's record".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = EnvelopeJson.sha256Hex(scan);
        String caseId = france.bean(InformationRequests.class).open(Viewer.node(), new NewInformationRequest("MA", "Wrong file",
                "Do you know this person?", "NORMAL", "H0", "B", "2", null),
                List.of(new NewAttachment("record.pdf", "application/pdf", scan)));
        await("delivery", () -> settled(france, caseId));
        assertThat(morocco.bean(AttachmentFiles.class).read(sha)).hasValue(scan);

        france.bean(InformationRequests.class).retract(Viewer.node(), caseId, records(france, caseId).get(0).envelope().id(), "wrong file");
        await("the purge receipt", () -> settled(france, caseId));
        assertThat(morocco.bean(AttachmentFiles.class).read(sha)).isEmpty();
        assertThat(morocco.bean(InformationRequests.class).attachment(Viewer.node(), caseId, sha)).isEmpty();
    }

    @Test
    void h2ContentIsNotPassedOnWithoutTheOriginatorsConsent() {
        String caseId = open("Network of a broker", "H2");
        await("delivery", () -> exists(morocco, caseId));
        String requestId = records(morocco, caseId).get(0).envelope().id();

        InformationRequests moroccanRequests = morocco.bean(InformationRequests.class);
        assertThatThrownBy(() -> moroccanRequests.forward(Viewer.node(), caseId, requestId, "ES"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("intel.error.h2NoConsent"));

        france.bean(InformationRequests.class).consent(Viewer.node(), caseId, requestId, "ES");
        await("the consent to reach Morocco", () -> morocco.bean(Exchange.class).forwardingRefusal(requestId, "ES").isEmpty());
        moroccanRequests.forward(Viewer.node(), caseId, requestId, "ES");
        assertThat(records(morocco, caseId)).anySatisfy(r -> assertThat(r.envelope().kind()).isEqualTo("forward"));
    }

    @Test
    void onlyTheRequestsOwnMessagesArePassedOnOrConsentedToUnderItsAddress() {
        String visible = open("A request the caller may see", "H0");
        String other = open("Another request", "H0");
        await("delivery", () -> exists(morocco, visible) && exists(morocco, other));
        String otherRequest = records(morocco, other).get(0).envelope().id();
        String ownRequest = records(france, visible).get(0).envelope().id();

        assertThatThrownBy(() -> morocco.bean(InformationRequests.class).forward(Viewer.node(), visible, otherRequest, "ES"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("intel.error.forwardNotReceived"));
        assertThatThrownBy(() -> france.bean(InformationRequests.class).forward(Viewer.node(), visible, ownRequest, "ES"))
                .as("one's own message is not the other party's").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> france.bean(InformationRequests.class).consent(Viewer.node(), visible,
                records(france, other).get(0).envelope().id(), "ES"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("intel.error.consentNotYours"));
        assertThat(records(morocco, other)).noneSatisfy(r -> assertThat(r.envelope().kind()).isEqualTo("forward"));
    }

    @Test
    void aSharedNetworkBecomesANetworkOfTheReceiver() {
        Networks frenchNetworks = france.bean(Networks.class);
        long corridor = DemoNetworks.loadCorridor(frenchNetworks, Viewer.node());
        long before = morocco.bean(Networks.class).list(Viewer.node()).size();
        assertThat(frenchNetworks.share(Viewer.node(), corridor, "MA", NetworkSlice.WHOLE, new Handling(HandlingCode.H2, 'B', 2, null))).isZero();
        await("the network to reach Morocco", () -> morocco.bean(Networks.class).list(Viewer.node()).size() == before + 1);
        NetworkSummary received = morocco.bean(Networks.class).list(Viewer.node()).get((int) before);
        assertThat(received.origin()).isEqualTo("FR");
        assertThat(received.links()).isEqualTo(frenchNetworks.summary(Viewer.node(), corridor).orElseThrow().links());
        assertThat(morocco.bean(Networks.class).links(Viewer.node(), received.id(), NetworkSlice.WHOLE))
                .as("shared under H2, every link stays H2 at least").extracting(NetworkLink::handlingCode)
                .allMatch(code -> code.equals("H2") || code.equals("H3"));
    }

    /** A shared network's bad links are left out: the envelope is acknowledged and the good links kept. */
    @Test
    void aSharedNetworksInvalidLinksAreLeftOutAndTheRestKept() throws Exception {
        Instant now = Instant.now();
        ObjectNode payload = EnvelopeJson.object().put("name", "Partly garbled");
        ArrayNode links = payload.putArray("links");
        links.addObject().put("source", "Karim").put("source_kind", "PERSON").put("target", "Nabil")
                .put("target_kind", "PERSON").put("kind", "MEETING").put("weight", 1).put("date", "2026-10-01")
                .put("source_document", "PV 12").put("grading", "B2").put("handling", "H0");
        links.addObject().put("source", "Karim").put("source_kind", "SPACESHIP").put("target", "Nabil")
                .put("target_kind", "PERSON").put("kind", "MEETING").put("weight", 1).put("date", "yesterday")
                .put("source_document", "PV 13").put("grading", "B2").put("handling", "H0");
        Envelope share = france.bean(NodeIdentity.class).envelopeSigner().sign(new EnvelopeDraft(
                UuidV7.at(now).toString(), new CaseRef(UuidV7.at(now).toString(), "network"), "network.share", "FR",
                List.of("MA"), List.of(), now, new Handling(HandlingCode.H0, 'B', 2, null), payload, List.of()));
        long before = morocco.bean(Networks.class).list(Viewer.node()).size();

        List<PeerTransport.Result> results = france.bean(PeerTransport.class).post(
                france.bean(PartyDirectory.class).peer("MA").orElseThrow(), List.of(share.toJson()), Map.of());

        assertThat(results).extracting(PeerTransport.Result::outcome).containsExactly(AnswerOutcome.RECEIPT);
        NetworkSummary received = morocco.bean(Networks.class).list(Viewer.node()).get((int) before);
        assertThat(received.links()).isEqualTo(1);
        assertThat(morocco.bean(AuditLog.class).search(new AuditFilter(null, "network.receive", null, null, null, 10)))
                .anySatisfy(e -> assertThat(e.event().details()).isEqualTo("1 links left out as invalid"));
    }

    /**
     * Envelopes of one batch are checked against those before them in it, as if they had come one by one: a
     * follow-up finds its parent, a repeat is a duplicate, another content under a taken id a conflict, and a
     * retraction purges an envelope stored moments earlier in the same batch.
     */
    @Test
    void aBatchIsHandledInOrderEachEnvelopeSeeingThoseBeforeIt(CapturedOutput output) throws Exception {
        EnvelopeSigner franceSigner = france.bean(NodeIdentity.class).envelopeSigner();
        Instant now = Instant.now();
        Envelope request = franceSigner.sign(draft("FR", "asked in one batch", now));
        Envelope clarification = franceSigner.sign(new EnvelopeDraft(UuidV7.at(now.plusMillis(1)).toString(),
                request.caseRef(), "information-request.clarification", "FR", List.of("MA"), List.of(request.hash()),
                now.plusMillis(1), request.handling(), EnvelopeJson.object().put("text", "more detail"), List.of()));
        EnvelopeDraft rewritten = draft("FR", "other content under the same id", now);
        Envelope conflicting = franceSigner.sign(new EnvelopeDraft(request.id(), request.caseRef(), rewritten.kind(),
                "FR", rewritten.to(), List.of(), now, rewritten.handling(), rewritten.payload(), List.of()));
        Envelope retraction = franceSigner.sign(new EnvelopeDraft(UuidV7.at(now.plusMillis(2)).toString(),
                request.caseRef(), "retraction", "FR", List.of("MA"), List.of(clarification.hash()), now.plusMillis(2),
                request.handling(), EnvelopeJson.object().put("envelope", request.id()).put("hash", request.hash())
                        .put("reason", "sent too soon"), List.of()));

        List<PeerTransport.Result> results = france.bean(PeerTransport.class).post(
                france.bean(PartyDirectory.class).peer("MA").orElseThrow(),
                List.of(request.toJson(), clarification.toJson(), request.toJson(), conflicting.toJson(),
                        retraction.toJson()), Map.of());

        assertThat(results).extracting(PeerTransport.Result::outcome)
                .containsExactly(AnswerOutcome.RECEIPT, AnswerOutcome.RECEIPT, AnswerOutcome.RECEIPT,
                        AnswerOutcome.REJECTION, AnswerOutcome.RECEIPT);
        assertThat(results).extracting(PeerTransport.Result::detail)
                .containsExactly("stored", "stored", "duplicate", "CONFLICT", "purged");
        String caseId = request.caseRef().id();
        assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE case_id = '" + caseId + "' AND state = 'HELD'"))
                .isZero();
        assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE id = '" + request.id() + "' AND state = 'PURGED'"))
                .isEqualTo(1);
        assertThat(state(morocco, caseId).status()).isEqualTo(RequestStatus.WITHDRAWN);
        // Handled together at the first attempt: the answers above would be the same one envelope at a time.
        assertThat(output.getAll()).doesNotContain(HANDLED_AGAIN);
    }

    /** An envelope this node cannot store fails alone: the rest of its batch is stored and acknowledged. */
    @Test
    void anEnvelopeBeyondTheStorageLimitsIsRejectedAloneAndItsBatchIsStored(CapturedOutput output) throws Exception {
        EnvelopeSigner franceSigner = france.bean(NodeIdentity.class).envelopeSigner();
        Instant now = Instant.now();
        EnvelopeDraft tooLong = draft("FR", "case id too long", now);
        tooLong = new EnvelopeDraft(tooLong.id(), new CaseRef("C".repeat(150), "information-request"), tooLong.kind(),
                tooLong.from(), tooLong.to(), tooLong.parents(), tooLong.sentAt(), tooLong.handling(), tooLong.payload(),
                tooLong.attachments());
        List<Envelope> batch = List.of(franceSigner.sign(draft("FR", "before", now)), franceSigner.sign(tooLong),
                franceSigner.sign(draft("FR", "after", now.plusMillis(1))));

        List<PeerTransport.Result> results = france.bean(PeerTransport.class).post(
                france.bean(PartyDirectory.class).peer("MA").orElseThrow(), batch.stream().map(Envelope::toJson).toList(),
                Map.of());

        assertThat(results).extracting(PeerTransport.Result::outcome)
                .containsExactly(AnswerOutcome.RECEIPT, AnswerOutcome.REJECTION, AnswerOutcome.RECEIPT);
        assertThat(results.get(1).detail()).isEqualTo("MALFORMED");
        for (Envelope stored : List.of(batch.get(0), batch.get(2))) {
            assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE id = '" + stored.id() + "'")).isEqualTo(1);
        }
        assertThat(count(morocco, "SELECT COUNT(*) FROM exchange_envelope WHERE id = '" + batch.get(1).id() + "'")).isZero();
        assertThat(output.getAll()).contains(HANDLED_AGAIN);
    }

    private static String open(String subject, String handlingCode) {
        return france.bean(InformationRequests.class).open(Viewer.node(), new NewInformationRequest("MA", subject,
                "What do you know about it?", "URGENT", handlingCode, "B", "2", null), List.of());
    }

    private static EnvelopeDraft draft(String from, String text, Instant at) {
        return new EnvelopeDraft(UuidV7.at(at).toString(), new CaseRef(UuidV7.at(at).toString(), "information-request"),
                "information-request.request", from, List.of("MA"), List.of(), at, new Handling(HandlingCode.H0, 'X', 4, null),
                EnvelopeJson.object().put("subject", text).put("question", text).put("urgency", "NORMAL"), List.of());
    }

    /** Delivers as France would; France's own outbox may be delivering at that moment, so a busy answer is retried. */
    private static List<PeerTransport.Result> post(String json) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return france.bean(PeerTransport.class).post(france.bean(PartyDirectory.class).peer("MA").orElseThrow(),
                        List.of(json), Map.of());
            } catch (java.io.IOException e) {
                if (attempt == 50 || !e.getMessage().contains("HTTP 429")) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void assertRejected(String json, String reason) throws Exception {
        assertThat(post(json)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AnswerOutcome.REJECTION);
            assertThat(r.detail()).isEqualTo(reason);
            assertThat(EnvelopeJson.parse(r.envelope()).payload().path("reason").asString()).isEqualTo(reason);
        });
    }

    private static InformationRequestState state(TwoNodes.Node node, String caseId) {
        return node.bean(InformationRequests.class).read(Viewer.node(), caseId).orElseThrow().state();
    }

    private static List<EnvelopeRecord> records(TwoNodes.Node node, String caseId) {
        return node.bean(Exchange.class).records(caseId);
    }

    private static Delivery delivery(TwoNodes.Node node, String caseId) {
        return records(node, caseId).get(0).deliveries().get(0);
    }

    /** Every outgoing business envelope of the case has its final answer (receipt or rejection). */
    private static boolean settled(TwoNodes.Node node, String caseId) {
        return records(node, caseId).stream().filter(r -> !r.incoming()).flatMap(r -> r.deliveries().stream())
                .allMatch(d -> d.state() == DeliveryState.ACCEPTED || d.state() == DeliveryState.REJECTED);
    }

    private static boolean exists(TwoNodes.Node node, String caseId) {
        return node.bean(InformationRequests.class).read(Viewer.node(), caseId).isPresent();
    }

    private static long count(TwoNodes.Node node, String sql) {
        return node.bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    private static boolean running(TwoNodes.Node node) {
        try {
            node.bean(JdbcClient.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
