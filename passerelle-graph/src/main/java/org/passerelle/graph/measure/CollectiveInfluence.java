package org.passerelle.graph.measure;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.passerelle.graph.Graph;

/**
 * Collective influence (Morone &amp; Makse, Nature 2015): {@code CI_l(i) = (k_i - 1) * sum of (k_j - 1)} over the
 * actors {@code j} at distance exactly {@code l} from {@code i}, on the undirected view. It rates an actor by how
 * many others its removal cuts off from the paths it carries, a cheap proxy for optimal percolation that, recomputed
 * after each removal, dismantles networks with fewer removals than degree or betweenness.
 */
public final class CollectiveInfluence {
    /** The radius used by disruption planning (Morone &amp; Makse find l = 2 or 3 enough). */
    public static final int DEFAULT_RADIUS = 2;

    private CollectiveInfluence() {
    }

    public static double[] compute(Graph graph) {
        return compute(graph, DEFAULT_RADIUS);
    }

    /** {@code CI_radius} of every actor, computed in parallel (one bounded breadth-first search per actor). */
    public static double[] compute(Graph graph, int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        Graph g = graph.undirected();
        int n = g.nodeCount();
        double[] ci = new double[n];
        IntStream.range(0, n).parallel().collect(
                () -> new BallSearch(n),
                (search, v) -> ci[v] = search.influence(g, v, radius),
                (left, right) -> { });
        return ci;
    }

    /** A breadth-first search stopping at a given depth, reusable across nodes. */
    private static final class BallSearch {
        private final int[] depth;
        private final int[] queue;

        BallSearch(int n) {
            depth = new int[n];
            Arrays.fill(depth, -1);
            queue = new int[n];
        }

        double influence(Graph g, int v, int radius) {
            if (g.degree(v) <= 1) {
                return 0; // a leaf or an isolated actor carries no path through itself
            }
            int tail = 0;
            queue[tail++] = v;
            depth[v] = 0;
            long frontier = 0;
            for (int head = 0; head < tail; head++) {
                int u = queue[head];
                if (depth[u] == radius) {
                    frontier += g.degree(u) - 1;
                    continue;
                }
                for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                    int w = g.target(a);
                    if (depth[w] < 0) {
                        depth[w] = depth[u] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            for (int i = 0; i < tail; i++) {
                depth[queue[i]] = -1;
            }
            return (double) (g.degree(v) - 1) * frontier;
        }
    }
}
