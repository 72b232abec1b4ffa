package org.passerelle.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.NewInformationRequest;
import org.passerelle.server.readmission.NewReadmissionRequest;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.ApiClient;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;
import org.passerelle.server.web.PdfDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The joint group between two real nodes over HTTP: a meeting called on one node is held on both; decisions become
 * action items either side follows; the minutes are approved only when both co-chairs have signed the same version;
 * both nodes compute the same indicators from the same threads; the meeting pack is drawn in Arabic and French.
 */
class CoordinationBetweenNodesTest {

    private static TwoNodes nodes;
    private static TwoNodes.Node france;
    private static TwoNodes.Node morocco;
    private static ApiClient frSecretariat;
    private static ApiClient frCoChair;
    private static ApiClient maSecretariat;
    private static ApiClient maCoChair;
    private static ApiClient frCentral;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.prepare(Map.of());
        france = nodes.france();
        morocco = nodes.morocco();
        france.start();
        morocco.start();
        frSecretariat = api(france, Role.JOINT_GROUP_SECRETARIAT, null);
        frCoChair = api(france, Role.JOINT_GROUP_CO_CHAIR, null);
        maSecretariat = api(morocco, Role.JOINT_GROUP_SECRETARIAT, null);
        maCoChair = api(morocco, Role.JOINT_GROUP_CO_CHAIR, null);
        frCentral = api(france, Role.CENTRAL_MIGRATION_OFFICER, null);
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    private static Viewer viewer(TwoNodes.Node node, Role role, String office) {
        NodeTest.TestUser user = NodeTest.createUser(node.bean(UserService.class), role, office);
        return new Viewer(user.username(), role, node.code(), office);
    }

    private static ApiClient api(TwoNodes.Node node, Role role, String office) {
        Viewer viewer = viewer(node, role, office);
        return new ApiClient(node.baseUrl(), node.bean(ApiTokens.class).issue(viewer.username(), "test").secret());
    }

    private static String meetingJson(String title, LocalDate date) {
        return ApiClient.json(Map.of("type", "plenary", "title", title, "date", date.toString(), "place", "Rabat",
                "participants", List.of(Map.of("party", "FR", "name", "Claire Martin", "function", "Directrice"),
                        Map.of("party", "MA", "name", "خالد الزموري", "function", "مدير الهجرة")),
                "agenda", List.of(Map.of("title", "Bilan des laissez-passer", "purpose", "information"),
                        Map.of("title", "Mission conjointe d'identification", "purpose", "decision"))));
    }

    private static String created(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    @Test
    void aMeetingIsHeldOnBothNodesAndItsMinutesApprovedByBothCoChairs() {
        String id = created(frSecretariat.post("/api/v1/coordination/meetings",
                meetingJson("Plénière de préparation", TODAY.plusDays(10))));
        await("the meeting on Morocco's node", () -> maSecretariat.get("/api/v1/coordination/meetings/" + id)
                .status() == 200);
        JsonNode onMorocco = maSecretariat.get("/api/v1/coordination/meetings/" + id).json();
        assertThat(onMorocco.path("title").asString()).isEqualTo("Plénière de préparation");
        assertThat(onMorocco.path("participants").get(1).path("name").asString()).isEqualTo("خالد الزموري");
        assertThat(onMorocco.path("status").asString()).isEqualTo("preparing");

        // Morocco records a decision whose action falls to Morocco; France sees the action item and its progress.
        String decision = created(maSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions",
                ApiClient.json(Map.of("text", "Lancer la mission conjointe d'identification",
                        "agendaItem", "Mission conjointe d'identification",
                        "action", Map.of("party", "MA", "office", "DGSN — Identification",
                                "due", TODAY.plusDays(40).toString())))));
        await("the action item on France's node", () -> frSecretariat.get("/api/v1/coordination/action-items")
                .text().contains(decision));
        assertThat(frSecretariat.post("/api/v1/coordination/action-items/" + decision + "/progress",
                ApiClient.json(Map.of("status", "in-progress", "note", "Équipe désignée"))).status()).isEqualTo(204);
        await("the progress on Morocco's node", () -> maSecretariat.get("/api/v1/coordination/meetings/" + id)
                .json().path("decisions").get(0).path("action").path("status").asString().equals("in-progress"));

        // Minutes: approved when both co-chairs have approved the latest version, not before.
        assertThat(frSecretariat.post("/api/v1/coordination/meetings/" + id + "/minutes",
                ApiClient.json(Map.of("fr", "Le groupe a décidé de lancer la mission.", "ar", "قرر الفريق إطلاق البعثة.")))
                .status()).isEqualTo(204);
        assertThat(frSecretariat.post("/api/v1/coordination/meetings/" + id + "/approvals", "{}").status())
                .as("the secretariat does not approve").isEqualTo(403);
        assertThat(frCoChair.post("/api/v1/coordination/meetings/" + id + "/approvals",
                ApiClient.json(Map.of("coChair", "Claire Martin"))).status()).isEqualTo(204);
        assertThat(frCoChair.post("/api/v1/coordination/meetings/" + id + "/approvals", "{}").status())
                .as("a second approval by the same side").isEqualTo(409);
        assertThat(frCoChair.get("/api/v1/coordination/meetings/" + id).json().path("status").asString())
                .isEqualTo("minutes-awaiting-approval");
        await("the minutes on Morocco's node", () -> maCoChair.get("/api/v1/coordination/meetings/" + id).json()
                .path("approvals").size() == 1);
        assertThat(maCoChair.post("/api/v1/coordination/meetings/" + id + "/approvals",
                ApiClient.json(Map.of("coChair", "Khalid Zerouali"))).status()).isEqualTo(204);
        await("both approvals on France's node", () -> frSecretariat.get("/api/v1/coordination/meetings/" + id)
                .json().path("status").asString().equals("minutes-approved"));
        assertThat(maSecretariat.get("/api/v1/coordination/meetings/" + id).json().path("status").asString())
                .isEqualTo("minutes-approved");
        assertThat(maSecretariat.get("/api/v1/coordination/meetings").text()).contains(id);
    }

    @Test
    void anActionItemPastItsDueDateIsOverdueOnBothSides() {
        String id = created(maSecretariat.post("/api/v1/coordination/meetings",
                meetingJson("Réunion technique passée", TODAY.minusDays(60))));
        String decision = created(maSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions",
                ApiClient.json(Map.of("text", "Transmettre la liste des consuls",
                        "action", Map.of("party", "FR", "office", "DGEF", "due", TODAY.minusDays(30).toString())))));
        assertThat(maSecretariat.get("/api/v1/coordination/action-items?overdue=true").text()).contains(decision);
        await("the overdue item on France's node", () -> frSecretariat
                .get("/api/v1/coordination/action-items?overdue=true").text().contains(decision));
        frSecretariat.post("/api/v1/coordination/action-items/" + decision + "/progress",
                ApiClient.json(Map.of("status", "done")));
        await("done, on Morocco's node", () -> !maSecretariat.get("/api/v1/coordination/action-items?overdue=true")
                .text().contains(decision));
    }

    @Test
    void bothSidesWritingToOneMeetingAtOnceLoseNothing() throws Exception {
        String id = created(frSecretariat.post("/api/v1/coordination/meetings",
                meetingJson("Réunion technique à deux voix", TODAY.plusDays(3))));
        String decision = created(frSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions",
                ApiClient.json(Map.of("text", "Échanger les listes", "action",
                        Map.of("party", "FR", "office", "DGEF", "due", TODAY.plusDays(20).toString())))));
        await("the decision on Morocco's node", () -> maSecretariat.get("/api/v1/coordination/action-items").text()
                .contains(decision));
        int reports = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < reports; i++) {
            ApiClient side = i % 2 == 0 ? frSecretariat : maSecretariat;
            String note = "report " + i;
            answers.add(pool.submit(() -> side.post("/api/v1/coordination/action-items/" + decision + "/progress",
                    ApiClient.json(Map.of("status", "in-progress", "note", note))).status()));
        }
        // Decisions recorded on both sides at once: each becomes an action item on both nodes, none lost.
        List<java.util.concurrent.Future<ApiClient.Answer>> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < reports; i++) {
            ApiClient side = i % 2 == 0 ? frSecretariat : maSecretariat;
            String text = "Décision simultanée " + i;
            decisions.add(pool.submit(() -> side.post("/api/v1/coordination/meetings/" + id + "/decisions",
                    ApiClient.json(Map.of("text", text, "action", Map.of("party", "MA", "office", "Consulats",
                            "due", TODAY.plusDays(30).toString()))))));
        }
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(204);
        }
        List<String> decided = new java.util.ArrayList<>();
        for (var answer : decisions) {
            decided.add(created(answer.get()));
        }
        pool.shutdown();
        await("every action item on both nodes", () -> List.of(frSecretariat, maSecretariat).stream()
                .allMatch(side -> {
                    String items = side.get("/api/v1/coordination/action-items?size=500").text();
                    return decided.stream().allMatch(items::contains);
                }));
        await("every report on both nodes", () -> List.of(frSecretariat, maSecretariat).stream().allMatch(side -> side
                .get("/api/v1/coordination/meetings/" + id).json().path("decisions").get(0).path("action")
                .path("progress").size() == reports));
        assertThat(frSecretariat.get("/api/v1/coordination/meetings/" + id).json().path("decisions").size())
                .isEqualTo(reports + 1);
        assertThat(maSecretariat.get("/api/v1/coordination/meetings/" + id).json())
                .isEqualTo(frSecretariat.get("/api/v1/coordination/meetings/" + id).json());
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        ApiClient.Answer noDate = frSecretariat.post("/api/v1/coordination/meetings",
                ApiClient.json(Map.of("type", "plenary", "title", "Sans date", "date", "2026-02-30", "place", "Paris")));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.text()).contains("\"date\"");
        ApiClient.Answer farFuture = frSecretariat.post("/api/v1/coordination/meetings",
                meetingJson("Dans trente ans", TODAY.plusYears(30)));
        assertThat(farFuture.status()).isEqualTo(400);
        String id = created(frSecretariat.post("/api/v1/coordination/meetings", meetingJson("Plénière", TODAY)));
        ApiClient.Answer dueBefore = frSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions",
                ApiClient.json(Map.of("text", "x", "action", Map.of("party", "FR", "office", "DGEF",
                        "due", TODAY.minusDays(1).toString()))));
        assertThat(dueBefore.status()).isEqualTo(400);
        assertThat(dueBefore.text()).contains("\"due\"");
        ApiClient.Answer strangeParty = frSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions",
                ApiClient.json(Map.of("text", "x", "action", Map.of("party", "ES", "office", "x",
                        "due", TODAY.plusDays(1).toString()))));
        assertThat(strangeParty.text()).contains("\"ownerParty\"");
        assertThat(frSecretariat.post("/api/v1/coordination/meetings/" + id + "/approvals", "{}").status())
                .isEqualTo(403);
        assertThat(frCoChair.post("/api/v1/coordination/meetings/" + id + "/approvals", "{}").status())
                .as("no minutes yet").isEqualTo(409);
        assertThat(frSecretariat.get("/api/v1/coordination/meetings/no-such-meeting").status()).isEqualTo(404);
        assertThat(frSecretariat.get("/api/v1/coordination/meetings/" + id + "/pack.pdf?lang=en").status())
                .isEqualTo(400);
        assertThat(frCentral.get("/api/v1/coordination/meetings").status()).as("not the joint group").isEqualTo(403);
        assertThat(frSecretariat.get("/api/v1/coordination/indicators?from=2026-13").status()).isEqualTo(400);
    }

    @Test
    void bothNodesComputeTheSameIndicatorsAndThePackIsDrawnInBothLanguages() throws IOException {
        Viewer prefecture = viewer(france, Role.PREFECTURE_OFFICER, "75");
        Viewer consul = viewer(morocco, Role.CONSULAR_OFFICER, "PARIS");
        Readmissions frReadmissions = france.bean(Readmissions.class);
        List<String> cases = List.of(file(frReadmissions, prefecture, "Karim Ouafi"),
                file(frReadmissions, prefecture, "Youssef Amrani"), file(frReadmissions, prefecture, "Said Bennani"));
        await("the requests on Morocco's node", () -> cases.stream()
                .allMatch(c -> morocco.bean(Readmissions.class).read(consul, c).isPresent()));
        morocco.bean(Readmissions.class).notIdentified(consul, cases.get(0), "Aucune trace dans les registres");
        // An information request France opens and Morocco answers: the exchange's figures join the indicators.
        Viewer frAnalyst = viewer(france, Role.ANALYST, null);
        Viewer maAnalyst = viewer(morocco, Role.ANALYST, null);
        String asked = france.bean(InformationRequests.class).open(frAnalyst, new NewInformationRequest("MA",
                "Numéro utilisé par un passeur", "Titulaire de la ligne ?", "NORMAL", "H1", "B", "2", null), List.of());
        await("the information request on Morocco's node", () -> morocco.bean(InformationRequests.class)
                .deliveries(maAnalyst, asked).isPresent());
        morocco.bean(InformationRequests.class).answer(maAnalyst, asked, "Ligne prépayée, titulaire inconnu.");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String path = "/api/v1/coordination/indicators?from=" + YearMonth.now(ZoneOffset.UTC).minusMonths(2)
                + "&to=" + month;
        await("the answers on France's node", () -> indicator(frSecretariat.get(path).json(), "readmission.answered")
                .path("total").asLong() == 1 && indicator(frSecretariat.get(path).json(), "intel.answered-in-time")
                .path("total").asLong() == 1);
        JsonNode onFrance = frSecretariat.get(path).json();
        JsonNode onMorocco = maSecretariat.get(path).json();
        assertThat(onMorocco).isEqualTo(onFrance);
        assertThat(maSecretariat.get(path + "&format=csv").text()).isEqualTo(frCentral.get(path + "&format=csv")
                .text());
        JsonNode requests = indicator(onFrance, "readmission.requests");
        assertThat(requests.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(requests.path("byMonth").path(month).asLong()).isGreaterThanOrEqualTo(3);
        assertThat(requests.path("breakdowns").path("prefecture").path("75").asLong()).isGreaterThanOrEqualTo(3);

        String id = created(frSecretariat.post("/api/v1/coordination/meetings",
                meetingJson("Plénière du groupe mixte", TODAY.plusDays(7))));
        created(frSecretariat.post("/api/v1/coordination/meetings/" + id + "/decisions", ApiClient.json(Map.of(
                "text", "Réduire le délai de réponse", "action", Map.of("party", "MA", "office", "Consulats",
                        "due", TODAY.plusDays(60).toString())))));
        Path out = Path.of("target", "coordination-pack");
        Files.createDirectories(out);
        for (String lang : List.of("fr", "ar")) {
            ApiClient.Answer pdf = frSecretariat.get("/api/v1/coordination/meetings/" + id + "/pack.pdf?lang=" + lang);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(lang.equals("fr") ? "Dossier de séance" : "Plénière du groupe mixte");
                assertThat(text).contains("Réduire le délai de réponse");
            }
            int page = 0;
            for (java.awt.image.BufferedImage image : PdfDocuments.pages(pdf.body(), 80)) {
                ImageIO.write(image, "png", out.resolve("pack-" + lang + "-" + (++page) + ".png").toFile());
            }
        }
        await("Morocco's node draws the same meeting's pack", () -> maSecretariat
                .get("/api/v1/coordination/meetings/" + id + "/pack.pdf?lang=ar").status() == 200);
    }

    private static JsonNode indicator(JsonNode report, String key) {
        return report.path("indicators").valueStream().filter(i -> i.path("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + key));
    }

    private static String file(Readmissions readmissions, Viewer prefecture, String name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return readmissions.file(prefecture, new NewReadmissionRequest("75", List.of(name), "M", "1990-03",
                "Fès", null, null, List.of("arabe"), null, "OQTF-" + name.hashCode(), today.minusDays(5).toString(),
                "CRA de Vincennes", today.minusDays(2).toString(), today.plusDays(40).toString(), "none", null),
                List.of());
    }
}
