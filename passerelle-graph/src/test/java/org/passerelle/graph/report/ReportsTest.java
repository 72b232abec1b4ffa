package org.passerelle.graph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Entity;
import org.passerelle.graph.EntityKind;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.Link;
import org.passerelle.graph.TestGraphs;
import org.passerelle.graph.disruption.DisruptionStep;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {
    @Test
    void analysisJsonHoldsEveryMeasureOfEveryNode() throws IOException {
        Graph g = TestGraphs.barbell();
        StringWriter out = new StringWriter();
        AnalysisJson.write(NetworkAnalysis.of(g), out);

        JsonNode report = new JsonMapper().readTree(out.toString());
        JsonNode graph = report.get("graph");
        assertThat(graph.get("nodes").asInt()).isEqualTo(9);
        assertThat(graph.get("edges").asInt()).isEqualTo(14);
        assertThat(graph.get("components").asInt()).isEqualTo(1);
        assertThat(graph.get("largestComponent").asInt()).isEqualTo(9);
        assertThat(graph.get("communities").asInt()).isEqualTo(2);
        assertThat(graph.get("modularity").asDouble()).isPositive();
        assertThat(graph.get("maxCore").asInt()).isEqualTo(3);
        assertThat(graph.get("articulationPoints").size()).isEqualTo(3);
        assertThat(graph.get("bridges").get(0).get(0).asString()).isEqualTo("3");
        JsonNode bar = report.get("nodes").get(4);
        assertThat(bar.get("id").asString()).isEqualTo("4");
        assertThat(bar.has("kind")).isFalse();
        assertThat(bar.get("degree").asInt()).isEqualTo(2);
        assertThat(bar.get("betweenness").asDouble()).isCloseTo(0.5714285714, within(1e-9));
        assertThat(bar.get("articulationPoint").asBoolean()).isTrue();
        for (String field : List.of("degreeCentrality", "closeness", "harmonic", "eigenvector", "pagerank",
                "collectiveInfluence", "coreNumber", "component", "community")) {
            assertThat(bar.get(field)).as(field).isNotNull();
            assertThat(bar.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(report.get("warnings").size()).isZero();
    }

    @Test
    void analysisJsonCarriesEntityKindsAndEscapesLabels() throws IOException {
        Graph g = GraphBuilder.of(false, false,
                List.of(new Entity("Karim \"le Rif\"", EntityKind.PERSON)),
                List.of(new Link("Karim \"le Rif\"", "+33 6 00")));
        StringWriter out = new StringWriter();
        AnalysisJson.write(NetworkAnalysis.of(g), out);

        JsonNode nodes = new JsonMapper().readTree(out.toString()).get("nodes");
        assertThat(nodes.get(0).get("id").asString()).isEqualTo("Karim \"le Rif\"");
        assertThat(nodes.get(0).get("kind").asString()).isEqualTo("person");
        assertThat(nodes.get(1).has("kind")).isFalse();
    }

    @Test
    void analysisOfAnEdgelessGraphHasNoModularity() throws IOException {
        StringWriter out = new StringWriter();
        AnalysisJson.write(NetworkAnalysis.of(TestGraphs.undirected(2)), out);

        JsonNode graph = new JsonMapper().readTree(out.toString()).get("graph");
        assertThat(graph.get("modularity").isNull()).isTrue();
        assertThat(graph.get("communities").asInt()).isEqualTo(2);
    }

    @Test
    void curveCsvQuotesWhatNeedsQuotingAndKeepsFormulasAsText() throws IOException {
        StringWriter out = new StringWriter();
        CurveCsv.write(List.of(
                new DisruptionStep(0, List.of(), 5, 1.0, 0.0),
                new DisruptionStep(1, List.of("a", "b,c"), 2, 0.4, 0.75),
                new DisruptionStep(2, List.of("say \"x\""), 1, 0.2, 1.0),
                new DisruptionStep(3, List.of("=cmd|' /C calc'!A0"), 1, 0.2, 1.0)), out);

        assertThat(out.toString()).isEqualTo("""
                step,removed,lcc_size,lcc_ratio,fragmentation\r
                0,,5,1.0,0.0\r
                1,"a|b,c",2,0.4,0.75\r
                2,"say ""x""\",1,0.2,1.0\r
                3,'=cmd|' /C calc'!A0,1,0.2,1.0\r
                """);
    }
}
