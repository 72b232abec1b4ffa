package org.passerelle.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.cli.LocalNodes;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.shared.Role;
import org.passerelle.server.security.UserService;
import org.passerelle.server.support.NodeProcess;
import org.passerelle.server.support.TestDatabase;

/**
 * What a crash does to promises, with two nodes in processes of their own killed as a power cut would ({@code kill -9}):
 * a 201 or a signed receipt must mean the data is on disk. France files requests through the API while Morocco is
 * killed mid-stream and restarted, then France is killed right after its last 201 and restarted, in rounds with the
 * kill at different points. Every request answered 201 must exist on both nodes exactly once, the channel must not
 * stall (later envelopes of other cases arrive, both ways), and both audit chains must verify.
 */
class CrashRecoveryTest {

    private static final int PER_ROUND = 30;
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalNodes nodes;
    private static final Map<String, Map<String, Object>> DATABASES = new HashMap<>();
    private static final Map<String, String> ANALYST_TOKENS = new HashMap<>();
    private static final Map<String, String> AUDITOR_TOKENS = new HashMap<>();
    private static NodeProcess france;
    private static NodeProcess morocco;
    private final List<String> answered = new ArrayList<>();

    @BeforeAll
    static void startNodesInTheirOwnProcesses() throws IOException {
        Path dir = Files.createTempDirectory("passerelle-crash");
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        for (String code : List.of("FR", "MA")) {
            Map<String, Object> p = new LinkedHashMap<>(TestDatabase.freshDatabase(dir.resolve(code.toLowerCase())));
            DATABASES.put(code, Map.copyOf(p));
            p.put("passerelle.exchange.poll-interval", "100ms");
            p.put("passerelle.exchange.initial-backoff", "200ms");
            p.put("passerelle.exchange.max-backoff", "1s");
            p.put("logging.level.root", "WARN");
            properties.put(code, p);
        }
        nodes = LocalNodes.prepare(dir, LocalNodes.freePorts(List.of("FR", "MA")), properties);
        for (String code : List.of("FR", "MA")) {
            nodes.onStorage(code, context -> {
                UserService users = context.getBean(UserService.class);
                ApiTokens tokens = context.getBean(ApiTokens.class);
                for (Role role : List.of(Role.ANALYST, Role.AUDITOR)) {
                    String username = code.toLowerCase() + "." + role.name().toLowerCase();
                    users.create(new NewUser(username, username, role.name(), null, "Staple-" + java.util.UUID.randomUUID()));
                    (role == Role.ANALYST ? ANALYST_TOKENS : AUDITOR_TOKENS).put(code,
                            tokens.issue(username, "crash test").secret());
                }
                return null;
            });
        }
        france = new NodeProcess(nodes.node("FR"));
        morocco = new NodeProcess(nodes.node("MA"));
        france.start();
        morocco.start();
    }

    @AfterAll
    static void stopNodes() {
        if (france != null) {
            france.close();
        }
        if (morocco != null) {
            morocco.close();
        }
    }

    @Test
    void whatWasAnsweredSurvivesKillsOfEitherNodeAndNothingStalls() throws Exception {
        for (int round = 0; round < 3; round++) {
            int killReceiverAt = 3 + round * 11;
            for (int i = 0; i < PER_ROUND; i++) {
                fileRequest("round " + round + " receiver-crash " + i);
                if (i == killReceiverAt) {
                    morocco.kill();
                }
            }
            morocco.start();
            for (int i = 0; i < PER_ROUND; i++) {
                fileRequest("round " + round + " sender-crash " + i);
            }
            france.kill(); // right after the last 201
            france.start();
            everyAnsweredRequestOnBothNodesOnce();
        }

        // The channel flows both ways after the crashes: a new case to Morocco, an answer back to France.
        String later = fileRequest("after the crashes");
        await("the request filed after the crashes to reach Morocco", Duration.ofSeconds(60),
                () -> requestsHeld("MA").contains(later));
        String answeredCase = answered.get(answered.size() / 2);
        HttpResponse<String> answer = call("MA", ANALYST_TOKENS, "POST",
                "/api/v1/information-requests/" + answeredCase + "/answer", "{\"text\":\"Known to us.\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        await("Morocco's answer to reach France", Duration.ofSeconds(60),
                () -> call("FR", ANALYST_TOKENS, "GET", "/api/v1/information-requests/" + answeredCase, null).body()
                        .contains("\"status\":\"ANSWERED\""));

        for (String code : List.of("FR", "MA")) {
            String verification = call(code, AUDITOR_TOKENS, "GET", "/api/v1/audit/verification", null).body();
            assertThat(verification).as("audit chain of " + code).contains("\"intact\":true");
        }
    }

    /** Files a request on France through the API; a 201 is a promise, recorded as such. */
    private String fileRequest(String subject) {
        HttpResponse<String> response = call("FR", ANALYST_TOKENS, "POST", "/api/v1/information-requests", """
                {"to":"MA","subject":"%s","question":"Who uses this number?","urgency":"NORMAL",
                 "handlingCode":"H0","source":"B","information":"2"}""".formatted(subject));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = CASE_ID.matcher(response.body());
        assertThat(id.find()).isTrue();
        answered.add(id.group(1));
        return id.group(1);
    }

    private void everyAnsweredRequestOnBothNodesOnce() {
        await("every request answered 201 to reach Morocco", Duration.ofSeconds(90),
                () -> requestsHeld("MA").containsAll(answered));
        for (String code : List.of("FR", "MA")) {
            List<String> held = requestsHeld(code);
            assertThat(held).as("requests held by " + code).containsAll(answered).doesNotHaveDuplicates();
        }
    }

    /** The case of every request envelope a node holds, one per envelope (a case twice would be a duplicate). */
    private static List<String> requestsHeld(String code) {
        try (Connection connection = TestDatabase.connect(nodes.node(code).dataDir(), DATABASES.get(code));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT case_id FROM exchange_envelope WHERE kind = 'information-request.request' AND state = 'STORED'")) {
            List<String> cases = new ArrayList<>();
            while (rows.next()) {
                cases.add(rows.getString(1));
            }
            return cases;
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the database of " + code, e);
        }
    }

    private static HttpResponse<String> call(String code, Map<String, String> tokens, String method, String path,
            String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.node(code).url() + path))
                .header("Authorization", "Bearer " + tokens.get(code)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " on " + code + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
