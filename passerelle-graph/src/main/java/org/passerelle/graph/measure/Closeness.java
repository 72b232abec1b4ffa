package org.passerelle.graph.measure;

import java.util.stream.IntStream;

import org.passerelle.graph.Graph;
import org.passerelle.graph.path.DistanceSearch;

/**
 * Closeness and harmonic centrality: how near an actor is to everyone else. Both follow NetworkX: in a directed
 * graph they use the distances <em>to</em> the actor (incoming paths); distances are hops when unweighted and
 * summed weights (lengths) when weighted. One search per node, spread over the cores (each node's value is
 * written by exactly one worker).
 */
public final class Closeness {
    private Closeness() {
    }

    /** Closeness with the Wasserman–Faust correction for disconnected graphs (NetworkX's default). */
    public static double[] closeness(Graph graph) {
        return closeness(graph, true);
    }

    /**
     * NetworkX {@code closeness_centrality}: {@code (r-1) / sum of distances} over the {@code r} nodes that reach
     * the actor (itself included); with {@code wfImproved} multiplied by {@code (r-1)/(n-1)}, so that an actor of a
     * small component is not rated as central as a hub of the main one. 0 for an actor nobody reaches.
     */
    public static double[] closeness(Graph graph, boolean wfImproved) {
        int n = graph.nodeCount();
        double[] closeness = new double[n];
        forEachNode(graph, (search, v) -> {
            int reached = search.run(v);
            double total = 0;
            for (int i = 1; i < reached; i++) {
                total += search.distance(search.reached(i));
            }
            double value = 0;
            if (total > 0 && n > 1) {
                value = (reached - 1) / total;
                if (wfImproved) {
                    value *= (reached - 1) / (double) (n - 1);
                }
            }
            closeness[v] = value;
        });
        return closeness;
    }

    /** NetworkX {@code harmonic_centrality}: the sum of {@code 1/d(u, v)} over all other actors {@code u}; not normalised. */
    public static double[] harmonic(Graph graph) {
        double[] harmonic = new double[graph.nodeCount()];
        forEachNode(graph, (search, v) -> {
            int reached = search.run(v);
            double sum = 0;
            for (int i = 1; i < reached; i++) {
                sum += 1.0 / search.distance(search.reached(i));
            }
            harmonic[v] = sum;
        });
        return harmonic;
    }

    private interface NodeTask {
        void run(DistanceSearch search, int node);
    }

    /** Runs {@code task} for every node in parallel, each worker with its own backwards search. */
    private static void forEachNode(Graph graph, NodeTask task) {
        IntStream.range(0, graph.nodeCount()).parallel().collect(
                () -> DistanceSearch.backwards(graph),
                (search, v) -> task.run(search, v),
                (left, right) -> { });
    }
}
