package org.passerelle.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.shared.Role;
import org.passerelle.server.security.UserService;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;

/**
 * Need to know within the analysts' role, over the API of two real nodes: a case is seen by its team only, an
 * incoming one by every analyst until one takes it, and a refusal answers as for a case that does not exist.
 */
class CaseTeamsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TwoNodes nodes;

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.start();
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    /** An analyst (or another role) of a node, signed in through an API token. */
    private record Caller(TwoNodes.Node node, String username, String token) {

        static Caller of(TwoNodes.Node node, Role role) {
            String username = NodeTest.createUser(node.bean(UserService.class), role).username();
            return new Caller(node, username, node.bean(ApiTokens.class).issue(username, "test").secret());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET());
        }

        HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aRequestIsSeenByItsTeamOnlyAndAnIncomingOneByEveryAnalystUntilTaken() {
        Caller author = Caller.of(nodes.france(), Role.ANALYST);
        Caller otherFrench = Caller.of(nodes.france(), Role.ANALYST);
        Caller desk = Caller.of(nodes.morocco(), Role.ANALYST);
        Caller colleague = Caller.of(nodes.morocco(), Role.ANALYST);
        Caller consul = Caller.of(nodes.morocco(), Role.CONSULAR_OFFICER);

        HttpResponse<String> opened = author.post("/api/v1/information-requests", """
                {"to":"MA","subject":"Team test","question":"Who uses this phone?","urgency":"NORMAL",
                 "handlingCode":"H0","source":"B","information":"2"}""");
        assertThat(opened.statusCode()).isEqualTo(201);
        String caseId = opened.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
        String thread = "/api/v1/information-requests/" + caseId;

        // On the sending node: the author's team only, and a stranger's look is refused like a missing case.
        assertThat(author.get(thread).body()).contains("\"username\":\"" + author.username() + "\"");
        assertThat(otherFrench.get("/api/v1/information-requests").body()).doesNotContain(caseId);
        assertThat(otherFrench.get(thread).statusCode()).isEqualTo(404);
        assertThat(otherFrench.get("/api/v1/information-requests/no-such-case").statusCode()).isEqualTo(404);
        assertThat(otherFrench.post(thread + "/clarification", "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(otherFrench.post(thread + "/team", "{\"username\":\"" + otherFrench.username() + "\"}").statusCode())
                .isEqualTo(404);
        assertThat(nodes.france().bean(AuditLog.class).search(new AuditFilter(otherFrench.username(), null, caseId, null,
                null, 10))).extracting(e -> e.event().action() + ":" + e.event().outcome())
                .contains("information-request.read:FAILURE", "information-request.act:FAILURE", "case-team.add:FAILURE");
        assertThat(author.post(thread + "/team", "{\"username\":\"" + otherFrench.username() + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(otherFrench.get(thread).statusCode()).isEqualTo(200);

        // On the receiving node: unassigned, so every analyst sees it; no one adds others before taking it.
        TwoNodes.await("the request to reach Morocco", () -> desk.get(thread).statusCode() == 200);
        assertThat(desk.get(thread).body()).contains("\"team\":[]");
        assertThat(colleague.get("/api/v1/information-requests").body()).contains(caseId, "\"taken\":false");
        assertThat(colleague.post(thread + "/team", "{\"username\":\"" + desk.username() + "\"}").body())
                .contains("team.error.takeFirst");

        // Answering takes it: from then on the desk officer's colleague no longer sees it, until added.
        assertThat(desk.post(thread + "/answer", "{\"text\":\"A prepaid line.\"}").statusCode()).isEqualTo(200);
        assertThat(colleague.get(thread).statusCode()).isEqualTo(404);
        assertThat(colleague.get("/api/v1/information-requests").body()).doesNotContain(caseId);
        assertThat(desk.get("/api/v1/information-requests").body()).contains(caseId, "\"taken\":true");
        assertThat(desk.post(thread + "/team", "{\"username\":\"" + consul.username() + "\"}").body())
                .contains("team.error.colleague");
        assertThat(desk.post(thread + "/team", "{\"username\":\"" + colleague.username() + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(colleague.get(thread).body()).contains("\"addedBy\":\"" + desk.username() + "\"");
    }

    @Test
    void aNetworkIsSeenByItsTeamOnlyAndARefusalLooksLikeAMissingNetwork() {
        Caller owner = Caller.of(nodes.morocco(), Role.ANALYST);
        Caller stranger = Caller.of(nodes.morocco(), Role.ANALYST);
        HttpResponse<String> created = owner.post("/api/v1/networks", "{\"name\":\"Team network\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("\\D", ""));

        assertThat(stranger.get("/api/v1/networks").body()).doesNotContain("Team network");
        assertThat(owner.get("/api/v1/networks").body()).contains("\"name\":\"Team network\"", "\"taken\":true");
        HttpResponse<String> refused = stranger.get("/api/v1/networks/" + id + "/analysis");
        HttpResponse<String> missing = stranger.get("/api/v1/networks/" + Long.MAX_VALUE + "/analysis");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        // The same answer but for the address asked about (error bodies name the path and the time).
        assertThat(refused.body().replace(Long.toString(id), "N").replaceAll("\\d{4}-[\\d\\-T:.+Z]+", "T"))
                .isEqualTo(missing.body().replace(Long.toString(Long.MAX_VALUE), "N")
                        .replaceAll("\\d{4}-[\\d\\-T:.+Z]+", "T"));
        assertThat(stranger.get("/api/v1/networks/" + id + "/seizures").statusCode()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/networks/" + id + "/seizures", """
                {"drug":"cannabis resin","quantityKg":10,"place":"Nador","seizedOn":"2026-01-02","actors":[]}""")
                .statusCode()).isEqualTo(404);
        assertThat(owner.post("/api/v1/networks/" + id + "/seizures", """
                {"drug":"cannabis resin","quantityKg":10,"place":"Nador","seizedOn":"1999-01-02","actors":[]}""")
                .statusCode()).isIn(200, 201);
        assertThat(owner.get("/api/v1/networks/seizures/by-year").body()).contains("1999");
        assertThat(stranger.get("/api/v1/networks/seizures/by-year").body()).doesNotContain("1999");

        assertThat(owner.post("/api/v1/networks/" + id + "/team", "{\"username\":\"" + stranger.username() + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/networks/" + id + "/analysis").statusCode()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/networks/" + id + "/team").body()).contains(owner.username(), stranger.username());
    }
}
