package org.passerelle.graph.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.passerelle.graph.Graph;

/**
 * Writes a {@link NetworkAnalysis} as the {@code REPORT.json} of {@code passerelle network analyze}:
 * <pre>
 * { "graph": { "nodes", "edges", "directed", "weighted", "components", "largestComponent", "communities",
 *              "modularity", "maxCore", "articulationPoints": [label…], "bridges": [[label, label]…] },
 *   "nodes": [ { "id", "kind"?, "degree", "degreeCentrality", "betweenness", "closeness", "harmonic",
 *                "eigenvector", "pagerank", "collectiveInfluence", "coreNumber", "component", "community",
 *                "articulationPoint" } … ],
 *   "warnings": [message…] }
 * </pre>
 * Nodes come in input order; {@code kind} appears only when the input recorded it; a measure that did not converge
 * is {@code null}.
 */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    public static void write(NetworkAnalysis analysis, Writer out) throws IOException {
        Graph graph = analysis.graph();
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("graph").beginObject()
                .name("nodes").value(graph.nodeCount())
                .name("edges").value(graph.edgeCount())
                .name("directed").value(graph.directed())
                .name("weighted").value(graph.weighted())
                .name("components").value(analysis.components().count())
                .name("largestComponent").value(analysis.components().largestSize())
                .name("communities").value(analysis.communities().count())
                .name("modularity").value(analysis.modularity())
                .name("maxCore").value(analysis.maxCore());
        json.name("articulationPoints").beginArray();
        for (int v : analysis.cuts().articulationPoints()) {
            json.value(graph.label(v));
        }
        json.endArray();
        json.name("bridges").beginArray();
        for (int[] bridge : analysis.cuts().bridges()) {
            json.beginArray().value(graph.label(bridge[0])).value(graph.label(bridge[1])).endArray();
        }
        json.endArray();
        json.endObject();
        json.name("nodes").beginArray();
        for (int v = 0; v < graph.nodeCount(); v++) {
            writeNode(analysis, v, json);
        }
        json.endArray();
        json.name("warnings").beginArray();
        for (String warning : analysis.warnings()) {
            json.value(warning);
        }
        json.endArray();
        json.endObject();
        json.finish();
    }

    private static void writeNode(NetworkAnalysis analysis, int v, JsonWriter json) throws IOException {
        Graph graph = analysis.graph();
        json.beginObject().name("id").value(graph.label(v));
        if (graph.kind(v) != null) {
            json.name("kind").value(graph.kind(v).name().toLowerCase(Locale.ROOT));
        }
        json.name("degree").value(analysis.degree()[v])
                .name("degreeCentrality").value(analysis.degreeCentrality()[v])
                .name("betweenness").value(analysis.betweenness()[v])
                .name("closeness").value(analysis.closeness()[v])
                .name("harmonic").value(analysis.harmonic()[v]);
        optional(json.name("eigenvector"), analysis.eigenvector(), v);
        optional(json.name("pagerank"), analysis.pagerank(), v);
        json.name("collectiveInfluence").value(analysis.collectiveInfluence()[v])
                .name("coreNumber").value(analysis.coreNumber()[v])
                .name("component").value(analysis.components().componentOf()[v])
                .name("community").value(analysis.communities().communityOf(v))
                .name("articulationPoint").value(analysis.cuts().isArticulationPoint(v))
                .endObject();
    }

    private static void optional(JsonWriter json, double[] values, int v) throws IOException {
        if (values == null) {
            json.nullValue();
        } else {
            json.value(values[v]);
        }
    }
}
