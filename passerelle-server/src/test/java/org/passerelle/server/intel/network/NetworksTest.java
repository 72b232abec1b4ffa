package org.passerelle.server.intel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.cli.DemoNetworks;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.passerelle.server.shared.Role;

class NetworksTest extends NodeTest {

    private static final String HEADER = "source,source_kind,target,target_kind,kind,weight,date,source_document,grading,handling\n";

    @Autowired
    Networks networks;

    @Autowired
    AuditLog audit;

    @Autowired
    org.passerelle.server.security.ApiTokens tokens;

    /** An import's refused rows as "line:column:message key". */
    private static List<String> problems(Networks.ImportReport report) {
        return report.problems().stream().map(p -> p.line() + ":" + p.column() + ":" + p.messageKey()).toList();
    }

    @Test
    void anImportKeepsGoodRowsAndNamesTheLineAndColumnOfBadOnes() throws Exception {
        long id = networks.create(Viewer.node(), "Import test", null);
        Networks.ImportReport report = networks.importLinks(Viewer.node(), id, new StringReader(HEADER
                + "Karim,PERSON,+212600000001,PHONE,USES,1,2026-01-03,PV 12/2026,B2,H1\n"
                + "Karim,PERSON,Youssef,PERSON,MEETING,lots,2026-01-04,PV 12/2026,B2,H1\n"
                + "Youssef,PERSON,Nadia,PERSON,CALL,3,2026-01-05,PV 12/2026,E9,H1\n"
                + "Nadia,ALIEN,Karim,PERSON,CALL,3,2026-01-05,PV 12/2026,B2,H1\n"
                + "only,three,cells\n"
                + "Youssef,PERSON,Karim,PERSON,CALL,2,2026-02-10,PV 14/2026,A1,H0\n"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(problems(report)).containsExactly("3:weight:network.import.number", "4:grading:network.import.grading",
                "5:source_kind:network.import.entityKind", "6:*:network.import.columns");
        assertThat(networks.summary(Viewer.node(), id).orElseThrow().links()).isEqualTo(2);
    }

    @Test
    void quotedCellsMayHoldCommasAndAnUnclosedQuoteIsRefusedWithItsLine() throws Exception {
        long id = networks.create(Viewer.node(), "Quoted import", null);
        Networks.ImportReport report = networks.importLinks(Viewer.node(), id, new StringReader(HEADER
                + "\"Smith, John\",PERSON,+33600000001,PHONE,USES,1,2026-01-03,\"PV 12/2026, annex\",B2,H1\r\n"
                + "\"Smith, John\",PERSON,Youssef,PERSON,MEETING,1,2026-01-04,PV 13/2026,B2,H1\n"
                + "\"unterminated,PERSON,Karim,PERSON,CALL,1,2026-01-05,PV 14/2026,B2,H1\n"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.problems()).extracting(p -> p.line() + ":" + p.messageKey())
                .containsExactly("4:network.import.malformed");
        assertThat(networks.links(Viewer.node(), id, NetworkSlice.WHOLE)).extracting(NetworkLink::source).containsOnly("Smith, John");
        assertThat(networks.links(Viewer.node(), id, NetworkSlice.WHOLE)).extracting(NetworkLink::sourceDocument)
                .contains("PV 12/2026, annex");
    }

    @Test
    void theApiImportsAndAnalysesWithAnAnalystsToken() throws Exception {
        var analyst = newUser(org.passerelle.server.shared.Role.ANALYST);
        String token = tokens.issue(analyst.username(), "api test").secret();
        var http = java.net.http.HttpClient.newHttpClient();
        var created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Via API\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("\\D", ""));
        var imported = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks/" + id + "/links"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(HEADER
                        + "A,PERSON,B,PERSON,CALL,1,2026-01-01,PV 1,B2,H0\nB,PERSON,C,PERSON,CALL,1,2026-01-02,PV 1,B2,H0\n"
                        + "C,PERSON,D,PERSON,CALL,x,2026-01-03,PV 1,B2,H0\n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(imported.body()).contains("\"imported\":2", "\"line\":4", "\"column\":\"weight\"");
        var analysis = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks/" + id + "/analysis"))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(analysis.statusCode()).isEqualTo(200);
        assertThat(analysis.body()).contains("\"nodes\":3", "\"label\":\"B\"");

        // A mistyped field is named, not ignored nor reported as a request that could not be understood.
        var mistyped = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"nmae\":\"Via API\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("\"field\":\"nmae\"", "Unknown field `nmae`");
        var wrongKind = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks/"
                        + id + "/seizures"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"drug\":\"cocaine\",\"quantityKg\":\"lots\","
                        + "\"place\":\"Algeciras\",\"seizedOn\":\"2026-01-02\",\"actors\":[]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("\"field\":\"quantityKg\"", "api.error.fieldValue");

        String officerToken = tokens.issue(newUser(org.passerelle.server.shared.Role.PREFECTURE_OFFICER).username(), "t").secret();
        var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/networks"))
                .header("Authorization", "Bearer " + officerToken).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void linksAreAddedOnlyByTheNetworksTeam() {
        var owner = newUser(org.passerelle.server.shared.Role.ANALYST);
        var stranger = newUser(org.passerelle.server.shared.Role.ANALYST);
        List<NetworkLink> links = List.of(new NetworkLink("A", "PERSON", "B", "PERSON", "CALL", 1,
                LocalDate.of(2026, 1, 1), "PV 1", "B2", "H0"));
        long id = networks.create(analyst(owner.username()), "Team only", null);
        networks.addLinks(analyst(owner.username()), id, links);
        assertThatThrownBy(() -> networks.addLinks(analyst(stranger.username()), id, links))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(networks.summary(Viewer.node(), id).orElseThrow().links()).isEqualTo(1);
    }

    /** An analyst of this node, as a page or API call would pass them. */
    private static Viewer analyst(String username) {
        return new Viewer(username, org.passerelle.server.shared.Role.ANALYST, "FR");
    }

    @Test
    void readingSeizuresAndLookingForSomeoneAreAudited() throws Exception {
        long id = networks.create(Viewer.node(), "Audit test", null);
        networks.importLinks(Viewer.node(), id, new StringReader(HEADER
                + "Karim,PERSON,Youssef,PERSON,CALL,2,2026-02-10,PV 14/2026,A1,H0\n"));
        networks.addSeizure(Viewer.node(), id, "cannabis resin", 120, "Tanger Med", LocalDate.of(2026, 3, 1), List.of("Karim"));

        assertThat(networks.seizures(Viewer.node(), id)).singleElement().satisfies(s -> assertThat(s.actors()).containsExactly("Karim"));
        assertThatThrownBy(() -> networks.paths(Viewer.node(), id, NetworkSlice.WHOLE, "Karim", "Someone else", 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> networks.seizures(Viewer.node(), Long.MAX_VALUE)).isInstanceOf(CaseNotFoundException.class);

        assertThat(audit.search(new AuditFilter(null, null, Long.toString(id), null, null, 20)))
                .extracting(e -> e.event().action() + ":" + e.event().outcome())
                .contains("network.create:SUCCESS", "seizure.read:SUCCESS", "network.read:FAILURE");
    }

    @Test
    void implausibleSeizuresAndLinkDatesAreRefusedFieldByField() throws Exception {
        long id = networks.create(Viewer.node(), "Plausibility", null);
        Networks.ImportReport report = networks.importLinks(Viewer.node(), id, new StringReader(HEADER
                + "Karim,PERSON,Youssef,PERSON,MEETING,1,2026-01-04,PV 1/2026,B2,H1\n"
                + "Karim,PERSON,Nadia,PERSON,CALL,1,3025-01-05,PV 2/2026,B2,H1\n"
                + "Karim,PERSON,Nadia,PERSON,CALL,1,1800-01-05,PV 2/2026,B2,H1\n"));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(problems(report)).containsExactly("3:date:network.import.dateRange",
                "4:date:network.import.dateRange");

        assertThatThrownBy(() -> networks.addSeizure(Viewer.node(), id, "cocaine", 1e12, "Algeciras",
                LocalDate.of(3025, 1, 1), List.of("Karim", "Nobody")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.messageKey()).containsExactly(
                                "quantity:seizure.error.quantity", "date:seizure.error.dateRange",
                                "actors:seizure.error.actors"));
        assertThatThrownBy(() -> networks.addSeizure(Viewer.node(), id, "cocaine", 12, "Algeciras",
                LocalDate.of(1800, 1, 1), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.messageKey())
                        .containsExactly("date:seizure.error.dateRange"));
        assertThat(networks.seizures(Viewer.node(), id)).isEmpty();
        assertThat(networks.addSeizure(Viewer.node(), id, "cocaine", Networks.MAX_SEIZURE_KG, "Algeciras",
                LocalDate.of(2026, 1, 4), List.of("Karim", "Youssef"))).isPositive();
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedWhole() throws Exception {
        long id = networks.create(Viewer.node(), "No header", null);
        Networks.ImportReport report = networks.importLinks(Viewer.node(), id, new StringReader("a,b,c\n"));
        assertThat(report.imported()).isZero();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void callRecordsBecomeDatedCallsBetweenPhones() throws Exception {
        long id = networks.create(Viewer.node(), "Calls", null);
        Networks.ImportReport report = networks.importCalls(Viewer.node(), id, new StringReader("""
                caller,callee,start,duration
                +33600000001,+212600000002,2026-03-14T21:05:00,95
                +33600000001,+212600000003,not a date,12
                +212600000002,+212600000003,2026-03-15T08:00:00,30
                """), "Réquisition opérateur 2026/77", "A2", "H2");
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("start");
        });
        assertThat(networks.links(Viewer.node(), id, NetworkSlice.WHOLE)).allSatisfy(l -> {
            assertThat(l.kind()).isEqualTo("CALL");
            assertThat(l.sourceKind()).isEqualTo("PHONE");
            assertThat(l.handlingCode()).isEqualTo("H2");
        });
        assertThatThrownBy(() -> networks.importCalls(Viewer.node(), id, new StringReader(""), "", "B2", "H0"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theCaviarInvestigationIsAnalysedBySliceAndDisrupted() {
        NetworkSummary caviar = networks.summary(Viewer.node(), DemoNetworks.loadCaviar(networks, Viewer.node())).orElseThrow();

        NetworkView phase1 = networks.analyse(Viewer.node(), caviar.id(),
                new NetworkSlice(LocalDate.of(1994, 1, 1), LocalDate.of(1994, 2, 28)), ActorMeasure.BETWEENNESS, Set.of());
        assertThat(phase1.nodes()).isEqualTo(15);
        assertThat(phase1.edges()).isEqualTo(18);
        assertThat(phase1.actors().get(0).label()).isEqualTo("n1");
        assertThat(phase1.actors().get(0).betweenness()).isCloseTo(0.907, within(5e-4));

        NetworkView whole = networks.analyse(Viewer.node(), caviar.id(), NetworkSlice.WHOLE, ActorMeasure.DEGREE, Set.of());
        assertThat(whole.nodes()).isEqualTo(107);
        assertThat(whole.edges()).isEqualTo(214);
        assertThat(whole.actors().get(0).degree()).isEqualTo(57);

        List<DisruptionStep> curve = networks.disrupt(Viewer.node(), caviar.id(), NetworkSlice.WHOLE, DisruptionStrategy.BETWEENNESS,
                DisruptionMode.SEQUENTIAL, 3);
        assertThat(curve.get(0).lccRatio()).isEqualTo(1.0);
        assertThat(curve).extracting(s -> s.removed().isEmpty() ? "" : s.removed().get(0)).containsExactly("", "n1", "n3", "n12");
        assertThat(curve.get(1).lccRatio()).isCloseTo(0.838, within(5e-4));

        NetworkView after = networks.analyse(Viewer.node(), caviar.id(), NetworkSlice.WHOLE, ActorMeasure.BETWEENNESS, Set.of("n1", "n3"));
        assertThat(after.nodes()).isEqualTo(105);
        assertThat(after.without()).containsExactlyInAnyOrder("n1", "n3");

        assertThat(networks.paths(Viewer.node(), caviar.id(), NetworkSlice.WHOLE, "n89", "n12", 2)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith("n89").endsWith("n12"));
        assertThatThrownBy(() -> networks.paths(Viewer.node(), caviar.id(), NetworkSlice.WHOLE, "n89", "nobody", 2))
                .isInstanceOf(InvalidInputException.class);

        NetworkSummary corridor = networks.summary(Viewer.node(), DemoNetworks.loadCorridor(networks, Viewer.node())).orElseThrow();
        assertThat(networks.seizures(Viewer.node(), corridor.id())).hasSize(12);
        assertThat(networks.seizedKilogramsByYear(Viewer.node())).isNotEmpty();
        assertThatThrownBy(() -> networks.addSeizure(Viewer.node(), corridor.id(), "", -1, "", null, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).hasSize(4));
    }
}
