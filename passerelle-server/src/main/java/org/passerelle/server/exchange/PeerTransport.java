package org.passerelle.server.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.RequestSignature;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * HTTP between nodes (docs/protocol.md): batches of envelopes posted to a peer, parents fetched from it. Every
 * request is signed by this node; TLS with a client certificate comes from an SSL bundle when one is named.
 */
@Component
class PeerTransport {

    static final String ENVELOPES_PATH = "/exchange/v1/envelopes";
    /** Envelopes a node sent, of one case type, as the peer holds them: {@code RETURNED_PATH + "/" + caseType}. */
    static final String RETURNED_PATH = "/exchange/v1/returned";

    /** The peer's answer to one posted envelope ({@code outcome} null when it is none the protocol knows). */
    record Result(String envelopeId, AnswerOutcome outcome, String envelope, String detail) {
    }

    private final HttpClient client;
    private final NodeIdentity identity;
    private final PartyDirectory parties;
    private final Clock clock;

    PeerTransport(NodeIdentity identity, PartyDirectory parties, Clock clock, ObjectProvider<SslBundles> bundles,
            ExchangeProperties properties) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (!properties.sslBundle().isBlank()) {
            builder.sslContext(bundles.getObject().getBundle(properties.sslBundle()).createSslContext());
        }
        this.client = builder.build();
        this.identity = identity;
        this.parties = parties;
        this.clock = clock;
    }

    List<Result> post(Peer peer, List<String> envelopes, Map<String, byte[]> attachments) throws IOException {
        HttpResponse<String> response = send(peer, "POST", ENVELOPES_PATH,
                new ExchangeBatch(envelopes, attachments).toBytes());
        if (response.statusCode() != 200) {
            throw new IOException(peer.party().code() + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : EnvelopeJson.readTree(response.body()).path("results")) {
            results.add(new Result(r.path("id").asString(""),
                    AnswerOutcome.fromWire(r.path("outcome").asString("")).orElse(null),
                    r.path("envelope").isNull() ? null : r.path("envelope").asString(null), r.path("detail").asString("")));
        }
        return results;
    }

    /** An envelope the peer holds, by hash (for parents this node is missing). */
    Optional<String> fetch(Peer peer, String hash) throws IOException {
        HttpResponse<String> response = send(peer, "GET", ENVELOPES_PATH + "/" + hash, new byte[0]);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException(peer.party().code() + " answered HTTP " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    /** The envelopes of cases of {@code caseType} this node sent to {@code peer}, as the peer holds them. */
    ExchangeBatch fetchReturned(Peer peer, String caseType) throws IOException {
        HttpResponse<String> response = send(peer, "GET", RETURNED_PATH + "/" + caseType, new byte[0]);
        if (response.statusCode() != 200) {
            throw new IOException(peer.party().code() + " answered HTTP " + response.statusCode());
        }
        return ExchangeBatch.parse(response.body());
    }

    private HttpResponse<String> send(Peer peer, String method, String path, byte[] body) throws IOException {
        Instant now = clock.instant();
        String bodyHash = RequestSignature.bodyHash(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(peer.baseUrl().toString()) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(RequestSignature.NODE_HEADER, parties.self().code())
                .header(RequestSignature.DATE_HEADER, now.toString())
                .header(RequestSignature.BODY_HASH_HEADER, bodyHash)
                .header(RequestSignature.SIGNATURE_HEADER, identity.signRequest(method, path, now, bodyHash))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 200 ? text : text.substring(0, 200) + "…";
    }
}
