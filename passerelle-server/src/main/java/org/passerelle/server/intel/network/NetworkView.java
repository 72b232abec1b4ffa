package org.passerelle.server.intel.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network analysed over a time slice: figures and every actor with its measures, sorted by {@code sortedBy}.
 *
 * @param from first day of the slice (inclusive), or null for the beginning
 * @param to last day of the slice (inclusive), or null for the end
 * @param without actors left out (the network after planned arrests)
 */
public record NetworkView(NetworkSummary network, LocalDate from, LocalDate to, Set<String> without, int nodes, int edges, int components,
        int largestComponent, int communities, double modularity, ActorMeasure sortedBy, List<Actor> actors,
        List<Edge> edgeList) {

    /** An edge of the slice between two actors, for the graph drawing. */
    public record Edge(String source, String target) {
    }

    /**
     * What the interactive drawing needs: each actor with its community (the colour), its measure
     * {@code sortedBy} relative to the largest (the size) and whether it is a cut point; and the edges.
     */
    public Map<String, Object> drawing() {
        double max = actors.stream().mapToDouble(sortedBy::of).max().orElse(1);
        List<Map<String, Object>> drawnNodes = actors.stream().map(a -> Map.<String, Object>of("id", a.label(),
                "community", a.community(), "size", max <= 0 ? 0 : sortedBy.of(a) / max,
                "cut", a.cutPoint())).toList();
        List<Map<String, Object>> drawnEdges = edgeList.stream()
                .map(e -> Map.<String, Object>of("source", e.source(), "target", e.target())).toList();
        return Map.of("nodes", drawnNodes, "edges", drawnEdges);
    }
}
