package org.passerelle.server.readmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.server.support.TwoNodes.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.score.FellegiSunterModel;
import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.ApiClient;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Readmission between two real nodes over HTTP: a prefecture files, the consulate finds the person in its registry,
 * identifies and issues the laissez-passer, the prefecture removes; every safeguard refuses with its reason; duplicates
 * are found across prefectures; the seal is checked; both nodes publish the same figures.
 */
class ReadmissionBetweenNodesTest {

    private static TwoNodes nodes;
    private static TwoNodes.Node france;
    private static TwoNodes.Node morocco;
    /** Persons of the synthetic registry as a prefecture would describe them, with the registry id of each. */
    private static final Map<PersonRecord, String> QUERIES = new LinkedHashMap<>();
    private static int nextQuery;

    private static Viewer paris;
    private static Viewer marseille;
    private static Viewer consulParis;
    private static Viewer consulMarseille;
    private static ApiClient parisApi;
    private static ApiClient consulApi;
    private static ApiClient identificationApi;

    @BeforeAll
    static void startNodes() throws IOException {
        nodes = TwoNodes.prepare(Map.of());
        france = nodes.france();
        morocco = nodes.morocco();
        france.start();
        morocco.start();
        Path dir = Files.createTempDirectory("readmission-registry");
        new SyntheticRegistry().write(dir, 2000, 60, 0.0, QueryNoise.REQUEST, 17, null);
        Registry registry = morocco.bean(Registry.class);
        registry.importFile(Viewer.node(), dir.resolve(SyntheticRegistry.REGISTRY), (read, total, kept, refused) -> { });
        registry.catchUp(IdentityBook.CIVIL_REGISTRY);
        Map<String, String> truth = new HashMap<>();
        Files.readAllLines(dir.resolve(SyntheticRegistry.TRUTH)).stream().skip(1)
                .forEach(line -> truth.put(line.split(",")[0], line.split(",", -1)[1]));
        try (InputStream in = Files.newInputStream(dir.resolve(SyntheticRegistry.QUERIES))) {
            RecordCsv.read(in, "QUERIES.csv", RecordCsv.Kind.QUERIES, query -> {
                if (query.birthDates().isEmpty() || query.birthDates().get(0).year() <= 2000) {
                    QUERIES.put(query, truth.get(query.id()));
                }
            }, System.err);
        }
        // As the node does once requests come in: the registry's model estimated on the persons asked about.
        registry.estimateModel(IdentityBook.CIVIL_REGISTRY, List.copyOf(QUERIES.keySet()), false);
        paris = viewer(france, Role.PREFECTURE_OFFICER, "75");
        marseille = viewer(france, Role.PREFECTURE_OFFICER, "13");
        consulParis = viewer(morocco, Role.CONSULAR_OFFICER, "PARIS");
        consulMarseille = viewer(morocco, Role.CONSULAR_OFFICER, "MARSEILLE");
        parisApi = api(france, paris);
        consulApi = api(morocco, consulParis);
        identificationApi = api(morocco, viewer(morocco, Role.CENTRAL_IDENTIFICATION_OFFICER, null));
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    private static Viewer viewer(TwoNodes.Node node, Role role, String office) {
        NodeTest.TestUser user = NodeTest.createUser(node.bean(UserService.class), role, office);
        return new Viewer(user.username(), role, node.code(), office);
    }

    private static ApiClient api(TwoNodes.Node node, Viewer viewer) {
        return new ApiClient(node.baseUrl(), node.bean(ApiTokens.class).issue(viewer.username(), "test").secret());
    }

    /** The next person of the registry, as a prefecture describes them. */
    private static synchronized Map.Entry<PersonRecord, String> nextPerson() {
        return new ArrayList<>(QUERIES.entrySet()).get(nextQuery++);
    }

    private static Map<String, Object> requestJson(String prefecture, PersonRecord person, String asylum) {
        Map<String, Object> personJson = new LinkedHashMap<>();
        personJson.put("names", person.names());
        personJson.put("sex", person.sex().csv().isEmpty() ? "M" : person.sex().csv());
        if (!person.birthDates().isEmpty()) {
            personJson.put("birthDate", person.birthDates().get(0).toString());
        }
        personJson.put("birthPlace", person.birthPlace());
        personJson.put("fatherName", person.fatherName());
        personJson.put("motherName", person.motherName());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prefecture", prefecture);
        json.put("person", personJson);
        json.put("removalOrder", Map.of("reference", "OQTF-" + person.id(), "date", today.minusDays(20).toString()));
        json.put("detention", Map.of("centre", "CRA de Vincennes", "start", today.minusDays(3).toString(),
                "end", today.plusDays(57).toString()));
        json.put("asylum", asylum);
        return json;
    }

    private static NewReadmissionRequest request(String prefecture, PersonRecord person) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new NewReadmissionRequest(prefecture, person.names(), person.sex().csv().isEmpty() ? "M"
                : person.sex().csv(), person.birthDates().isEmpty() ? null : person.birthDates().get(0).toString(),
                person.birthPlace(), person.fatherName(), person.motherName(), List.of("arabe"), null,
                "OQTF-" + person.id(), today.minusDays(20).toString(), "CRA du Mesnil-Amelot",
                today.minusDays(3).toString(), today.plusDays(57).toString(), "none", null);
    }

    private static ReadmissionStatus status(TwoNodes.Node node, String caseId) {
        return JdbcClient.create(node.bean(javax.sql.DataSource.class))
                .sql("SELECT status FROM readmission_request WHERE case_id = :id").param("id", caseId)
                .query(String.class).optional().map(ReadmissionStatus::valueOf).orElse(null);
    }

    private static void awaitStatus(String caseId, ReadmissionStatus expected) {
        await(caseId + " " + expected + " on both nodes",
                () -> status(france, caseId) == expected && status(morocco, caseId) == expected);
    }

    @Test
    void theWholePathOverTheApiOnBothNodes() throws Exception {
        Map.Entry<PersonRecord, String> person = nextPerson();
        ApiClient.Answer filed = parisApi.post("/api/v1/readmission/requests",
                ApiClient.json(requestJson("75", person.getKey(), "none")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String caseId = filed.json().path("caseId").asString();
        awaitStatus(caseId, ReadmissionStatus.SUBMITTED);

        ApiClient.Answer candidates = consulApi.get("/api/v1/readmission/requests/" + caseId + "/candidates");
        assertThat(candidates.status()).as(candidates.text()).isEqualTo(200);
        JsonNode best = candidates.json().get(0);
        assertThat(best.path("personId").asString()).isEqualTo(person.getValue());
        assertThat(best.path("probability").asDouble()).isGreaterThan(0.5);
        assertThat(best.path("explanation").asString()).contains("names");
        assertThat(best.path("fields").isArray()).isTrue();
        // The read is audited with the hash of the model that scored it, and that model is kept: a judge can replay it.
        String audited = morocco.bean(JdbcClient.class).sql("""
                SELECT details FROM audit_log WHERE action = 'readmission.candidates.read' AND record_id = :id
                UNION ALL SELECT details FROM audit_pending WHERE action = 'readmission.candidates.read' AND record_id = :id
                """).param("id", caseId).query(String.class).list().getFirst();
        assertThat(audited).matches("model [0-9a-f]{64}");
        String modelHash = audited.substring("model ".length());
        String kept = morocco.bean(JdbcClient.class).sql("SELECT parameters FROM registry_model WHERE hash = :hash").param("hash", modelHash)
                .query(String.class).single();
        assertThat(FellegiSunterModel.read(kept).hash()).isEqualTo(modelHash);

        assertThat(consulApi.post("/api/v1/readmission/requests/" + caseId + "/decision", ApiClient.json(
                Map.of("outcome", "identified", "personId", person.getValue()))).status()).isEqualTo(200);
        awaitStatus(caseId, ReadmissionStatus.IDENTIFIED);
        ApiClient.Answer issued = consulApi.post("/api/v1/readmission/requests/" + caseId + "/laissez-passer", "{}");
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        String number = issued.json().path("number").asString();
        assertThat(issued.json().path("validUntil").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
        awaitStatus(caseId, ReadmissionStatus.LAISSEZ_PASSER_ISSUED);

        JsonNode seen = parisApi.get("/api/v1/readmission/requests/" + caseId).json();
        assertThat(seen.path("status").asString()).isEqualTo("laissez-passer-issued");
        assertThat(seen.path("laissezPasser").path("number").asString()).isEqualTo(number);
        ApiClient.Answer pdf = parisApi.get("/api/v1/readmission/requests/" + caseId + "/laissez-passer.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        ApiClient.Answer moroccanPdf = consulApi.get("/api/v1/readmission/requests/" + caseId + "/laissez-passer.pdf");
        Path pages = Files.createDirectories(Path.of("target/laissez-passer"));
        Files.write(pages.resolve("laissez-passer.pdf"), pdf.body());
        int page = 1;
        for (java.awt.image.BufferedImage image : org.passerelle.server.web.PdfDocuments.pages(pdf.body(), 110)) {
            javax.imageio.ImageIO.write(image, "png", pages.resolve("laissez-passer-page-" + page++ + ".png").toFile());
        }
        LaissezPasserCheck onFrance = france.bean(Readmissions.class).checkPdf(pdf.body());
        assertThat(onFrance.verdict()).isEqualTo(LaissezPasserSeal.Verdict.VALID);
        assertThat(onFrance.data().number()).isEqualTo(number);
        assertThat(morocco.bean(Readmissions.class).checkPdf(moroccanPdf.body()).verdict())
                .isEqualTo(LaissezPasserSeal.Verdict.VALID);
        ApiClient.Answer verified = parisApi.post("/api/v1/readmission/laissez-passer/verification",
                "application/pdf", pdf.body());
        assertThat(verified.json().path("verdict").asString()).isEqualTo("valid");
        checkOnTheCommandLine(pdf.body(), france.bean(Readmissions.class).read(paris, caseId).orElseThrow().state());

        String flight = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        assertThat(parisApi.post("/api/v1/readmission/requests/" + caseId + "/removal", ApiClient.json(
                Map.of("flightDate", flight, "outcome", "scheduled", "escort", "PAF"))).status()).isEqualTo(200);
        awaitStatus(caseId, ReadmissionStatus.REMOVAL_SCHEDULED);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(parisApi.post("/api/v1/readmission/requests/" + caseId + "/removal", ApiClient.json(
                Map.of("flightDate", today, "outcome", "carried-out"))).status()).isEqualTo(200);
        awaitStatus(caseId, ReadmissionStatus.REMOVED);
        assertThat(consulApi.get("/api/v1/readmission/requests/" + caseId).json().path("status").asString())
                .isEqualTo("removed");
        await("every delivery settled", () -> france.bean(Readmissions.class).deliveries(Viewer.node(), caseId)
                .orElseThrow().settled() && morocco.bean(Readmissions.class).deliveries(Viewer.node(), caseId)
                .orElseThrow().settled());
        assertThat(france.bean(Readmissions.class).read(Viewer.node(), caseId).orElseThrow().state())
                .isEqualTo(morocco.bean(Readmissions.class).read(Viewer.node(), caseId).orElseThrow().state());
    }

    /**
     * {@code passerelle lpc verify} with Morocco's key alone: the genuine document passes; one whose print was
     * changed, one whose sealed data were changed, and one checked with another key fail.
     */
    private static void checkOnTheCommandLine(byte[] pdf, ReadmissionState state) throws Exception {
        Path dir = Files.createTempDirectory("lpc");
        Path genuine = Files.write(dir.resolve("genuine.pdf"), pdf);
        String key = france.bean(Readmissions.class).exportedIssuerKey();
        org.passerelle.server.cli.CliRunner.Result valid = org.passerelle.server.cli.CliRunner.run(null, "lpc",
                "verify", genuine.toString(), "--public-key", key);
        assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).startsWith("VALID");

        String otherKey = org.passerelle.protocol.PublicKeys.encode(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        org.passerelle.server.cli.CliRunner.Result wrongKey = org.passerelle.server.cli.CliRunner.run(null, "lpc",
                "verify", genuine.toString(), "--public-key", otherKey);
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("another key");

        String seal = state.laissezPasser().orElseThrow().seal();
        LaissezPasserSeal.Data data = france.bean(Readmissions.class).check(seal).data();
        LaissezPasserDocument documents = france.bean(LaissezPasserDocument.class);
        LaissezPasserSeal.Data longer = new LaissezPasserSeal.Data(data.number(), data.issuer(), data.consulate(),
                data.names(), data.sex(), data.birthDate(), data.birthPlace(), data.issuedOn(),
                data.validUntil().plusYears(1), data.from(), data.to(), data.keyFingerprint());
        Path reprinted = Files.write(dir.resolve("reprinted.pdf"), documents.render(longer, seal, null,
                state.reference()));
        org.passerelle.server.cli.CliRunner.Result printAltered = org.passerelle.server.cli.CliRunner.run(null, "lpc",
                "verify", reprinted.toString(), "--public-key", key);
        assertThat(printAltered.exitCode()).isEqualTo(1);
        assertThat(printAltered.out()).contains("printed");

        String[] parts = seal.split("\\.");
        String json = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(data.validUntil().toString(), longer.validUntil().toString());
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        Path altered = Files.write(dir.resolve("altered.pdf"), documents.render(longer, forged, null,
                state.reference()));
        org.passerelle.server.cli.CliRunner.Result alteredResult = org.passerelle.server.cli.CliRunner.run(null, "lpc",
                "verify", altered.toString(), "--public-key", key);
        assertThat(alteredResult.exitCode()).isEqualTo(1);
        assertThat(alteredResult.out()).contains("changed after sealing");

        Path notPdf = Files.writeString(dir.resolve("note.pdf"), "not a pdf");
        assertThat(org.passerelle.server.cli.CliRunner.run(null, "lpc", "verify", notPdf.toString(), "--public-key",
                key).out()).contains("no seal");
        assertThat(org.passerelle.server.cli.CliRunner.run(null, "lpc", "verify", genuine.toString()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void everySafeguardRefusesWithItsReason() {
        Map.Entry<PersonRecord, String> person = nextPerson();
        ApiClient.Answer asylum = parisApi.post("/api/v1/readmission/requests",
                ApiClient.json(requestJson("75", person.getKey(), "pending")));
        assertThat(asylum.status()).isEqualTo(409);
        assertThat(asylum.json().path("reason").asString()).contains("asylum");
        ApiClient.Answer appeal = parisApi.post("/api/v1/readmission/requests",
                ApiClient.json(requestJson("75", person.getKey(), "appeal-pending")));
        assertThat(appeal.status()).isEqualTo(409);

        Map<String, Object> minor = requestJson("75", person.getKey(), "none");
        @SuppressWarnings("unchecked")
        Map<String, Object> minorPerson = new LinkedHashMap<>((Map<String, Object>) minor.get("person"));
        minorPerson.put("birthDate", Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear() - 16));
        minor.put("person", minorPerson);
        ApiClient.Answer refusedMinor = parisApi.post("/api/v1/readmission/requests", ApiClient.json(minor));
        assertThat(refusedMinor.status()).isEqualTo(409);
        assertThat(refusedMinor.json().path("reason").asString()).contains("minor");

        Readmissions readmissionsFr = france.bean(Readmissions.class);
        Readmissions readmissionsMa = morocco.bean(Readmissions.class);
        String caseId = readmissionsFr.file(paris, request("75", person.getKey()), List.of());
        awaitStatus(caseId, ReadmissionStatus.SUBMITTED);
        readmissionsMa.identify(consulParis, caseId, person.getValue(), null);
        awaitStatus(caseId, ReadmissionStatus.IDENTIFIED);
        Readmissions.Issued issued = readmissionsMa.issueLaissezPasser(consulParis, caseId);
        awaitStatus(caseId, ReadmissionStatus.LAISSEZ_PASSER_ISSUED);
        ApiClient.Answer second = consulApi.post("/api/v1/readmission/requests/" + caseId + "/laissez-passer", "{}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("reason").asString()).contains(issued.number());

        ApiClient.Answer late = parisApi.post("/api/v1/readmission/requests/" + caseId + "/removal", ApiClient.json(
                Map.of("flightDate", issued.validUntil().plusDays(1).toString(), "outcome", "scheduled")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("reason").asString()).contains(issued.validUntil().toString());

        readmissionsFr.recordAsylum(paris, caseId, "pending", null);
        ApiClient.Answer whileAsylum = parisApi.post("/api/v1/readmission/requests/" + caseId + "/removal",
                ApiClient.json(Map.of("flightDate", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())));
        assertThat(whileAsylum.status()).isEqualTo(409);
        assertThat(whileAsylum.json().path("reason").asString()).contains("asylum");
        assertThat(status(france, caseId)).isEqualTo(ReadmissionStatus.LAISSEZ_PASSER_ISSUED);
    }

    @Test
    void aPersonAskedForByTwoPrefecturesIsFoundAsADuplicate() {
        Map.Entry<PersonRecord, String> person = nextPerson();
        Readmissions readmissions = france.bean(Readmissions.class);
        String first = readmissions.file(paris, request("75", person.getKey()), List.of());
        PersonRecord respelled = new PersonRecord("again", person.getKey().names().reversed(), person.getKey().sex(),
                person.getKey().birthDates(), person.getKey().birthPlace(), person.getKey().fatherName(), "");
        List<Readmissions.Duplicate> duplicates = readmissions.duplicates(marseille, request("13", respelled));
        assertThat(duplicates).first().satisfies(d -> {
            assertThat(d.request().caseId()).isEqualTo(first);
            assertThat(d.request().prefecture()).isEqualTo("75");
            assertThat(d.probability()).isGreaterThan(0.5);
        });
        // Over the API too, from the other prefecture.
        ApiClient marseilleApi = api(france, marseille);
        JsonNode found = marseilleApi.post("/api/v1/readmission/requests/duplicates",
                ApiClient.json(requestJson("13", respelled, "none"))).json();
        assertThat(found.get(0).path("request").path("caseId").asString()).isEqualTo(first);
    }

    @Test
    void officersSeeTheirOfficeCasesOnly() {
        Map.Entry<PersonRecord, String> person = nextPerson();
        Readmissions readmissionsFr = france.bean(Readmissions.class);
        String caseId = readmissionsFr.file(paris, request("75", person.getKey()), List.of());
        awaitStatus(caseId, ReadmissionStatus.SUBMITTED);
        assertThat(readmissionsFr.read(marseille, caseId)).isEmpty();
        assertThat(readmissionsFr.read(paris, caseId)).isPresent();
        Readmissions readmissionsMa = morocco.bean(Readmissions.class);
        assertThat(readmissionsMa.read(consulMarseille, caseId)).isEmpty();
        assertThatThrownBy(() -> readmissionsMa.identify(consulMarseille, caseId, null, null))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(identificationApi.get("/api/v1/readmission/requests/" + caseId).status()).isEqualTo(200);
        assertThatThrownBy(() -> readmissionsFr.file(paris, request("13", person.getKey()), List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(readmissionsFr.list(marseille, null, Readmissions.ListFlag.ALL, null, 1, 500).items())
                .noneMatch(s -> s.caseId().equals(caseId));
    }

    @Test
    void theSealFailsWhenAlteredSignedByAnotherKeyRevokedOrExpired() throws Exception {
        Map.Entry<PersonRecord, String> person = nextPerson();
        Readmissions readmissionsFr = france.bean(Readmissions.class);
        Readmissions readmissionsMa = morocco.bean(Readmissions.class);
        String caseId = readmissionsFr.file(paris, request("75", person.getKey()), List.of());
        awaitStatus(caseId, ReadmissionStatus.SUBMITTED);
        readmissionsMa.identify(consulParis, caseId, person.getValue(), null);
        awaitStatus(caseId, ReadmissionStatus.IDENTIFIED);
        readmissionsMa.issueLaissezPasser(consulParis, caseId);
        awaitStatus(caseId, ReadmissionStatus.LAISSEZ_PASSER_ISSUED);
        String seal = readmissionsFr.read(paris, caseId).orElseThrow().state().laissezPasser().orElseThrow().seal();
        assertThat(readmissionsFr.check(seal).verdict()).isEqualTo(LaissezPasserSeal.Verdict.VALID);

        String[] parts = seal.split("\\.");
        String data = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String longer = data.replaceFirst("\"validUntil\":\"(\\d{4})", "\"validUntil\":\"2099");
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(longer.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(readmissionsFr.check(altered).verdict()).isEqualTo(LaissezPasserSeal.Verdict.ALTERED);
        assertThat(readmissionsFr.check("PLP1.garbage").verdict()).isEqualTo(LaissezPasserSeal.Verdict.MALFORMED);

        java.security.PublicKey otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(LaissezPasserSeal.check(seal, otherKey, LocalDate.now(ZoneOffset.UTC), n -> false).verdict())
                .isEqualTo(LaissezPasserSeal.Verdict.WRONG_KEY);
        LocalDate validUntil = readmissionsFr.check(seal).data().validUntil();
        assertThat(LaissezPasserSeal.check(seal, readmissionsFr.issuerKey(), validUntil.plusDays(1), n -> false)
                .verdict()).isEqualTo(LaissezPasserSeal.Verdict.EXPIRED);

        readmissionsMa.revokeLaissezPasser(consulParis, caseId, "Flight cancelled");
        awaitStatus(caseId, ReadmissionStatus.IDENTIFIED);
        assertThat(readmissionsFr.check(seal).verdict()).isEqualTo(LaissezPasserSeal.Verdict.REVOKED);
        assertThat(readmissionsMa.check(seal).verdict()).isEqualTo(LaissezPasserSeal.Verdict.REVOKED);
        // A new one may be issued once the first is revoked.
        Readmissions.Issued reissued = readmissionsMa.issueLaissezPasser(consulParis, caseId);
        assertThat(reissued.number()).endsWith("-2");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = count(france, "SELECT COUNT(*) FROM exchange_envelope");
        Map<String, Object> impossible = requestJson("75", nextPerson().getKey(), "none");
        impossible.put("detention", Map.of("centre", "CRA de Vincennes", "start", "2026-02-30", "end", "2026-01-10"));
        impossible.put("removalOrder", Map.of("reference", ""));
        ApiClient.Answer refused = parisApi.post("/api/v1/readmission/requests", ApiClient.json(impossible));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .contains("detentionStart", "removalOrderReference", "removalOrderDate");

        Map<String, Object> backwards = requestJson("75", nextPerson().getKey(), "none");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        backwards.put("detention", Map.of("centre", "CRA", "start", today.minusDays(2).toString(),
                "end", today.minusDays(5).toString()));
        ApiClient.Answer endBeforeStart = parisApi.post("/api/v1/readmission/requests", ApiClient.json(backwards));
        assertThat(endBeforeStart.json().path("errors").get(0).path("field").asString()).isEqualTo("detentionEnd");
        assertThat(endBeforeStart.json().path("errors").get(0).path("message").asString()).contains("before");

        ApiClient.Answer empty = parisApi.post("/api/v1/readmission/requests", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").findValuesAsString("field"))
                .contains("prefecture", "names", "sex", "removalOrderReference", "detentionCentre", "asylum");

        Readmissions readmissions = france.bean(Readmissions.class);
        NewReadmissionRequest fine = request("75", nextPerson().getKey());
        assertThatThrownBy(() -> readmissions.file(paris, fine, List.of(new org.passerelle.server.exchange.NewAttachment(
                "notes.txt", "text/plain", "plain text".getBytes()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::messageKey).contains("readmission.error.fileType"));
        byte[] big = new byte[Readmissions.MAX_FILE_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> readmissions.file(paris, fine, List.of(new org.passerelle.server.exchange.NewAttachment(
                "photo.jpg", "image/jpeg", big))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::messageKey).contains("readmission.error.fileSize"));
        String boundary = "passerelle-test-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + ApiClient.json(requestJson("75", nextPerson().getKey(),
                "none")) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nnot a photo\r\n--" + boundary + "--\r\n";
        ApiClient.Answer wrongType = parisApi.post("/api/v1/readmission/requests",
                "multipart/form-data; boundary=" + boundary, multipart.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(wrongType.status()).as(wrongType.text()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asString()).isEqualTo("files");
        assertThat(count(france, "SELECT COUNT(*) FROM exchange_envelope")).isEqualTo(before);
    }

    @Test
    void bothNodesPublishTheSameFigures() {
        for (int i = 0; i < 3; i++) {
            Map.Entry<PersonRecord, String> person = nextPerson();
            String caseId = france.bean(Readmissions.class).file(paris, request("75", person.getKey()), List.of());
            awaitStatus(caseId, ReadmissionStatus.SUBMITTED);
            if (i == 0) {
                morocco.bean(Readmissions.class).notIdentified(consulParis, caseId, "No record");
                awaitStatus(caseId, ReadmissionStatus.NOT_IDENTIFIED);
            } else if (i == 1) {
                morocco.bean(Readmissions.class).askInformation(consulParis, caseId, "Which village?");
                awaitStatus(caseId, ReadmissionStatus.INFORMATION_NEEDED);
            }
        }
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String path = "/api/v1/readmission/statistics?from=" + month.minusMonths(1) + "&to=" + month;
        await("the same figures on both nodes", () -> parisApi.get(path + "&format=csv").text()
                .equals(identificationApi.get(path + "&format=csv").text()));
        ApiClient.Answer figures = identificationApi.get(path);
        assertThat(figures.json().path("total").path("requests").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(figures.json().path("total").path("notIdentified").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(parisApi.get(path + "&format=csv").text()).startsWith("dimension,key,requests,");
        assertThat(parisApi.get("/api/v1/readmission/statistics?from=2026-13&to=2026-01").status()).isEqualTo(400);
    }

    private static long count(TwoNodes.Node node, String sql) {
        return JdbcClient.create(node.bean(javax.sql.DataSource.class)).sql(sql).query(Long.class).single();
    }

    @Test
    void refusalsAreRefusedExceptionsInTheService() {
        Map.Entry<PersonRecord, String> person = nextPerson();
        NewReadmissionRequest pending = new NewReadmissionRequest("75", person.getKey().names(), "M", null, null, null,
                null, List.of(), null, "OQTF-1", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString(), "CRA",
                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                LocalDate.now(ZoneOffset.UTC).plusDays(20).toString(), "pending", null);
        assertThatThrownBy(() -> france.bean(Readmissions.class).file(paris, pending, List.of()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("readmission.refused.asylum"));
    }
}
