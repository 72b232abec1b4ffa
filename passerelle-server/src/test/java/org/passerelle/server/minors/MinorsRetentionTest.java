package org.passerelle.server.minors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.support.ApiClient;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * France's retention rule ends a closed case: both nodes drop every payload of its thread but the notice, the child
 * leaves Morocco's tracing book, each node's audit log records the purge, and France holds Morocco's receipt as the
 * confirmation. A case still open is kept.
 */
class MinorsRetentionTest {

    private static TwoNodes nodes;
    private static ApiClient frOfficer;
    private static ApiClient maOfficer;
    private static ApiClient frAuditor;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void startNodes() {
        // France keeps a closed case no longer than the day it closed, and looks every half second.
        nodes = TwoNodes.prepare(Map.of("FR", Map.of("passerelle.minors.retention-after-closure", "0d",
                "passerelle.minors.purge-interval", "500ms")));
        nodes.france().start();
        nodes.morocco().start();
        frOfficer = api(nodes.france(), Role.CHILD_PROTECTION_OFFICER);
        maOfficer = api(nodes.morocco(), Role.CHILD_PROTECTION_OFFICER);
        frAuditor = api(nodes.france(), Role.AUDITOR);
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    private static ApiClient api(TwoNodes.Node node, Role role) {
        NodeTest.TestUser user = NodeTest.createUser(node.bean(UserService.class), role);
        return new ApiClient(node.baseUrl(), node.bean(ApiTokens.class).issue(user.username(), "test").secret());
    }

    private static String record(String name) {
        ApiClient.Answer created = frOfficer.post("/api/v1/minors/cases", ApiClient.json(Map.of(
                "person", Map.of("names", List.of(name), "sex", "M", "birthDate", "2010-05", "birthPlace", "Tanger",
                        "fatherName", "Mohamed " + name, "motherName", "Fatima Ouazzani"),
                "ageAssessment", Map.of("method", "interview", "conclusion", "Mineur"),
                "judge", "Juge des enfants de Paris", "placement", "ASE de Paris", "tracingConsent", true)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("caseId").asString();
    }

    private static long audited(TwoNodes.Node node, String caseId) {
        JdbcClient jdbc = node.bean(JdbcClient.class);
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'minors.purge' AND record_id = :id")
                .param("id", caseId).query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE action = 'minors.purge' AND record_id = :id")
                .param("id", caseId).query(Long.class).single();
    }

    @Test
    void aClosedCaseIsPurgedOnBothNodesAndTheOtherNodesReceiptConfirmsIt() {
        String open = record("Anas Benjelloun");
        String closed = record("Salma Idrissi");
        await("the cases on Morocco's node", () -> List.of(open, closed).stream()
                .allMatch(c -> maOfficer.get("/api/v1/minors/cases/" + c).status() == 200));
        // The judge decides the child stays in France: the case closes today.
        assertThat(frOfficer.post("/api/v1/minors/cases/" + closed + "/steps/judge-decision", ApiClient.json(Map.of(
                "fields", Map.of("judgeDate", TODAY.toString(), "authorises", "stay",
                        "judgeText", "Maintien en France.")))).status()).isEqualTo(204);

        await("the purge on both nodes", () -> frOfficer.get("/api/v1/minors/cases/" + closed).status() == 404
                && maOfficer.get("/api/v1/minors/cases/" + closed).status() == 404);
        for (TwoNodes.Node node : List.of(nodes.france(), nodes.morocco())) {
            List<EnvelopeRecord> records = node.bean(Exchange.class).records(closed);
            assertThat(records).as("the thread's proofs remain").hasSizeGreaterThanOrEqualTo(3);
            // Every message of the case but the notice is purged; receipts hold nothing but ids and hashes.
            assertThat(records.stream().filter(r -> r.envelope().kind().startsWith("minors."))
                    .filter(r -> !r.envelope().kind().equals(MinorsKinds.PURGED))).allMatch(EnvelopeRecord::purged)
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(records).anyMatch(r -> r.envelope().kind().equals(MinorsKinds.PURGED) && !r.purged());
            await("the purge audited on " + node.code(), () -> audited(node, closed) == 1);
        }
        await("Morocco's receipt in France", () -> {
            JsonNode purges = frAuditor.get("/api/v1/minors/purges").json();
            return purges.size() == 1 && purges.get(0).path("caseId").asString().equals(closed)
                    && purges.get(0).path("confirmed").asBoolean()
                    && purges.get(0).path("confirmedBy").asString().equals("MA");
        });
        JsonNode inMorocco = maOfficer.get("/api/v1/minors/purges").json();
        assertThat(inMorocco.get(0).path("decidedBy").asString()).isEqualTo("FR");
        assertThat(inMorocco.get(0).path("rule").asString()).isEqualTo("after-closure");

        // The open case stays, and the purged child is no longer proposed to a family in Morocco.
        assertThat(frOfficer.get("/api/v1/minors/cases/" + open).status()).isEqualTo(200);
        String request = maOfficer.post("/api/v1/minors/tracing-requests", ApiClient.json(Map.of(
                "names", List.of("Salma Idrissi"), "sex", "M", "birthDate", "2010-05",
                "fatherName", "Mohamed Salma Idrissi", "filedBy", "La mère", "consent", true))).json().path("id")
                .asString();
        assertThat(maOfficer.get("/api/v1/minors/tracing-requests/" + request + "/candidates").text())
                .doesNotContain(closed);
        assertThat(frAuditor.get("/api/v1/minors/cases/" + open).status()).as("the auditor sees no child").isEqualTo(403);
    }
}
