package org.passerelle.graph.path;

import java.util.Optional;

import org.passerelle.graph.Graph;

/**
 * A shortest path between two actors: breadth-first search (fewest edges) when the graph is unweighted, Dijkstra
 * (smallest sum of weights read as lengths) when it is weighted. Directed graphs are followed along arcs. Among
 * equally short paths the one found first wins; it is deterministic for a given graph.
 */
public final class ShortestPaths {
    private ShortestPaths() {
    }

    /** A shortest path between two labelled actors, empty when the target cannot be reached. */
    public static Optional<Path> between(Graph graph, String source, String target) {
        return between(graph, graph.requireIndex(source), graph.requireIndex(target));
    }

    public static Optional<Path> between(Graph graph, int source, int target) {
        return between(DistanceSearch.forward(graph), source, target);
    }

    /** Runs {@code search} (with whatever it blocks) from source to target and reads back the path. */
    static Optional<Path> between(DistanceSearch search, int source, int target) {
        search.run(source, target);
        double length = search.distance(target);
        if (length == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        int hops = 0;
        for (int v = target; v != source; v = search.parent(v)) {
            hops++;
        }
        int[] nodes = new int[hops + 1];
        int v = target;
        for (int i = hops; i >= 0; i--) {
            nodes[i] = v;
            v = search.parent(v);
        }
        return Optional.of(new Path(nodes, length));
    }
}
