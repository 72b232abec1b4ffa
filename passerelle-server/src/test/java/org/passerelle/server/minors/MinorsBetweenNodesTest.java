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
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.support.ApiClient;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;
import tools.jackson.databind.JsonNode;

/**
 * Minors between two real nodes over HTTP, through the API's contract: France records a child, Morocco identifies and
 * arranges care, France runs the best-interests procedure with a second officer's approvals, and the return is refused
 * with each missing safeguard named until all hold; only child-protection officers see anything; both nodes publish
 * the same figures.
 */
class MinorsBetweenNodesTest {

    private static TwoNodes nodes;
    private static ApiClient frOfficer;
    private static ApiClient frSecondOfficer;
    private static ApiClient maOfficer;
    private static ApiClient frAnalyst;
    private static ApiClient frPrefecture;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.prepare(Map.of());
        nodes.france().start();
        nodes.morocco().start();
        frOfficer = api(nodes.france(), Role.CHILD_PROTECTION_OFFICER);
        frSecondOfficer = api(nodes.france(), Role.CHILD_PROTECTION_OFFICER);
        maOfficer = api(nodes.morocco(), Role.CHILD_PROTECTION_OFFICER);
        frAnalyst = api(nodes.france(), Role.ANALYST);
        frPrefecture = api(nodes.france(), Role.PREFECTURE_OFFICER);
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
        return record(name, "Mohamed", "Fatima", "2010-05", true);
    }

    /** France's record, in Latin script only, as a French child-welfare office writes it. */
    private static String record(String name, String father, String mother, String birth, boolean consent) {
        ApiClient.Answer created = frOfficer.post("/api/v1/minors/cases", ApiClient.json(Map.of(
                "person", Map.of("names", List.of(name), "sex", "M", "birthDate", birth, "birthPlace", "Tanger",
                        "fatherName", father, "motherName", mother),
                "ageAssessment", Map.of("method", "interview", "conclusion", "Mineur, environ 15 ans"),
                "judge", "Juge des enfants de Paris", "placement", "ASE de Paris", "tracingConsent", consent)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("caseId").asString();
    }

    private static void step(ApiClient side, String caseId, String step, Map<String, ?> body, int expected) {
        ApiClient.Answer answer = side.post("/api/v1/minors/cases/" + caseId + "/steps/" + step, ApiClient.json(body));
        assertThat(answer.status()).as(step + ": " + answer.text()).isEqualTo(expected);
    }

    private static JsonNode read(ApiClient side, String caseId) {
        return side.get("/api/v1/minors/cases/" + caseId).json();
    }

    private static List<String> missing(ApiClient.Answer refused) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        return refused.json().path("missing").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aReturnIsRefusedUntilEverySafeguardHoldsAndEachMissingOneIsNamed() {
        String caseId = record("Youssef El Amrani");
        await("the case on Morocco's node", () -> maOfficer.get("/api/v1/minors/cases/" + caseId).status() == 200);
        assertThat(read(maOfficer, caseId).path("status").asString()).isEqualTo("identification-requested");
        String returnPath = "/api/v1/minors/cases/" + caseId + "/return";
        String returnBody = ApiClient.json(Map.of("date", TODAY.plusDays(10).toString()));
        assertThat(missing(frOfficer.post(returnPath, returnBody))).containsExactly("identification",
                "best-interests-determination", "judge-decision", "care-arrangement", "follow-up-plan");

        step(maOfficer, caseId, "identification", Map.of("fields", Map.of("outcome", "identified",
                "note", "Acte de naissance retrouvé à Tanger")), 204);
        step(maOfficer, caseId, "home-assessment", Map.of("fields", Map.of("situation",
                "Parents à Tanger, trois frères et sœurs, logement stable", "familyWilling", "yes")), 204);
        // A step of the other side is refused on this node.
        step(frOfficer, caseId, "identification", Map.of("fields", Map.of("outcome", "identified")), 409);
        await("the identification in France", () -> read(frOfficer, caseId).path("status").asString()
                .equals("identified"));

        step(frOfficer, caseId, "determination", Map.of("fields", Map.of("determinationDate", TODAY.toString(),
                "decision", "return-to-family", "reasons", "L'enfant souhaite rentrer ; la famille est prête."),
                "panel", List.of("Mme Durand (ASE)", "M. Benali (interprète assermenté)")), 204);
        String determination = read(frOfficer, caseId).path("determination").path("stepId").asString();
        // The officer who recorded it cannot approve it: a second person must.
        step(frOfficer, caseId, "approval", Map.of("fields", Map.of("step", determination)), 409);
        assertThat(missing(frOfficer.post(returnPath, returnBody))).contains("best-interests-determination");
        step(frSecondOfficer, caseId, "approval", Map.of("fields", Map.of("step", determination)), 204);
        step(frOfficer, caseId, "judge-decision", Map.of("fields", Map.of("judgeDate", TODAY.toString(),
                "authorises", "return", "judgeText", "Le retour auprès de la famille est ordonné.")), 204);
        assertThat(missing(frOfficer.post(returnPath, returnBody))).containsExactly("care-arrangement",
                "follow-up-plan");

        step(maOfficer, caseId, "care-arrangement", Map.of("fields", Map.of("kind", "family",
                "familyAcceptedOn", TODAY.toString())), 204);
        await("the care arrangement in France", () -> !read(frOfficer, caseId).path("careArrangement").isNull()
                && !read(frOfficer, caseId).path("careArrangement").isMissingNode());
        assertThat(missing(frOfficer.post(returnPath, returnBody))).containsExactly("follow-up-plan");
        step(maOfficer, caseId, "follow-up-plan", Map.of("fields", Map.of("office", "Entraide nationale, Tanger")),
                204);
        await("the plan in France", () -> read(frOfficer, caseId).path("missingForReturn").isEmpty());
        assertThat(frOfficer.post(returnPath, ApiClient.json(Map.of("date", TODAY.minusDays(1).toString()))).status())
                .as("a return in the past").isEqualTo(400);
        assertThat(frOfficer.post(returnPath, returnBody).status()).isEqualTo(201);
        await("the scheduled return in Morocco", () -> read(maOfficer, caseId).path("status").asString()
                .equals("return-scheduled"));
        step(frOfficer, caseId, "returned", Map.of("fields", Map.of("returnedOn", TODAY.toString())), 204);
        await("the return in Morocco", () -> read(maOfficer, caseId).path("status").asString().equals("returned"));
        step(maOfficer, caseId, "visit", Map.of("fields", Map.of("month", "1", "visitDate", TODAY.toString(),
                "visitNote", "Scolarisé, en famille.")), 204);
        step(maOfficer, caseId, "visit", Map.of("fields", Map.of("month", "2", "visitDate", TODAY.toString(),
                "visitNote", "x")), 400);
        await("the visit in France", () -> read(frOfficer, caseId).path("visits").has("1"));
    }

    @Test
    void onlyChildProtectionOfficersSeeMinorsAndBadInputIsRefusedByField() {
        String caseId = record("Amine Tazi");
        assertThat(frAnalyst.get("/api/v1/minors/cases/" + caseId).status()).isEqualTo(403);
        assertThat(frPrefecture.get("/api/v1/minors/cases").status()).isEqualTo(403);
        assertThat(frAnalyst.get("/api/v1/minors/statistics").status()).isEqualTo(403);
        assertThat(frOfficer.get("/api/v1/minors/cases/no-such-case").status()).isEqualTo(404);
        ApiClient.Answer bad = frOfficer.post("/api/v1/minors/cases", ApiClient.json(Map.of(
                "person", Map.of("names", List.of(), "sex", "X", "birthDate", "3025"),
                "ageAssessment", Map.of("method", "guess", "conclusion", ""), "judge", "", "placement", "")));
        assertThat(bad.status()).isEqualTo(400);
        for (String field : List.of("names", "sex", "birthDate", "ageMethod", "ageConclusion", "judge", "placement",
                "tracingConsent")) {
            assertThat(bad.text()).contains("\"" + field + "\"");
        }
        ApiClient.Answer fromMorocco = maOfficer.post("/api/v1/minors/cases", ApiClient.json(Map.of(
                "person", Map.of("names", List.of("X"), "sex", "M"), "ageAssessment",
                Map.of("method", "interview", "conclusion", "x"), "judge", "x", "placement", "x",
                "tracingConsent", false)));
        assertThat(fromMorocco.status()).as("Morocco does not record France's minors").isEqualTo(409);
    }

    @Test
    void aFamilysArabicRequestFindsTheChildFranceReportedInLatinScriptOnlyWithConsentAndAPersonConfirms() {
        String withConsent = record("Youssef El Amrani", "Mohamed El Amrani", "Fatima Ouazzani", "2010-05", true);
        String withoutConsent = record("Youssef Amrani", "Mohamed Amrani", "Fatima Ouazzani", "2010-05", false);
        String stranger = record("Karim Bennani", "Hassan Bennani", "Naima Tazi", "2011-02", true);
        await("the records on Morocco's node", () -> List.of(withConsent, withoutConsent, stranger).stream()
                .allMatch(c -> maOfficer.get("/api/v1/minors/cases/" + c).status() == 200));
        ApiClient.Answer noConsent = maOfficer.post("/api/v1/minors/tracing-requests", ApiClient.json(Map.of(
                "names", List.of("يوسف العمراني"), "sex", "M", "filedBy", "الأم", "consent", false)));
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.text()).contains("\"consent\"");
        ApiClient.Answer filed = maOfficer.post("/api/v1/minors/tracing-requests", ApiClient.json(Map.of(
                "names", List.of("يوسف العمراني"), "sex", "M", "birthDate", "2010", "birthPlace", "طنجة",
                "fatherName", "محمد العمراني", "motherName", "فاطمة الوزاني",
                "filedBy", "فاطمة الوزاني، الأم — 0661234567", "consent", true)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String request = filed.json().path("id").asString();

        JsonNode children = maOfficer.get("/api/v1/minors/tracing-requests/" + request + "/candidates").json();
        assertThat(children.size()).isGreaterThanOrEqualTo(1);
        assertThat(children.get(0).path("id").asString()).isEqualTo(withConsent);
        assertThat(children.get(0).path("probability").asDouble()).isGreaterThan(0.5);
        assertThat(children.valueStream().map(c -> c.path("id").asString()))
                .as("a child without consent is never proposed").doesNotContain(withoutConsent);
        // Both ways: from the child's case, the family's request is proposed; none for a child without consent.
        assertThat(maOfficer.get("/api/v1/minors/cases/" + withConsent + "/tracing-candidates").json().get(0)
                .path("id").asString()).isEqualTo(request);
        assertThat(maOfficer.get("/api/v1/minors/cases/" + withoutConsent + "/tracing-candidates").json().size())
                .isZero();
        assertThat(frOfficer.get("/api/v1/minors/tracing-requests/" + request + "/candidates").status())
                .as("the families' requests stay in Morocco").isEqualTo(409);

        assertThat(maOfficer.post("/api/v1/minors/tracing-requests/" + request + "/confirm",
                ApiClient.json(Map.of("caseId", withoutConsent))).status()).isEqualTo(409);
        assertThat(maOfficer.post("/api/v1/minors/tracing-requests/" + request + "/confirm",
                ApiClient.json(Map.of("caseId", withConsent, "note", "Parents joints par téléphone"))).status())
                .isEqualTo(204);
        assertThat(maOfficer.post("/api/v1/minors/tracing-requests/" + request + "/confirm",
                ApiClient.json(Map.of("caseId", withConsent))).status()).as("confirmed once").isEqualTo(409);
        await("the family traced, in France", () -> read(frOfficer, withConsent).path("familyTraced")
                .path("fatherName").asString().equals("محمد العمراني"));
    }

    @Test
    void bothNodesPublishTheSameFigures() {
        String caseId = record("Karim Idrissi");
        await("the case on Morocco's node", () -> maOfficer.get("/api/v1/minors/cases/" + caseId).status() == 200);
        step(maOfficer, caseId, "identification", Map.of("fields", Map.of("outcome", "identified")), 204);
        await("the identification in France", () -> read(frOfficer, caseId).path("status").asString()
                .equals("identified"));
        JsonNode france = frOfficer.get("/api/v1/minors/statistics").json();
        assertThat(maOfficer.get("/api/v1/minors/statistics").json()).isEqualTo(france);
        assertThat(france.get(0).path("key").asString()).isEqualTo("minors.cases");
        assertThat(france.get(1).path("total").asLong()).isGreaterThanOrEqualTo(1);
    }
}
