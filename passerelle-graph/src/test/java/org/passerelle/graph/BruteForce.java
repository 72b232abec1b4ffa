package org.passerelle.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.passerelle.graph.measure.Components;

/**
 * Slow, obviously-correct versions of the measures, used as oracles on small random graphs: they share no code
 * with the engine beyond reading the graph.
 */
public final class BruteForce {
    private BruteForce() {
    }

    /** All-pairs shortest distances by Floyd–Warshall (weights as lengths); +Infinity when unreachable. */
    public static double[][] distances(Graph g) {
        int n = g.nodeCount();
        double[][] d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int u = 0; u < n; u++) {
            d[u][u] = 0;
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                d[u][g.target(a)] = Math.min(d[u][g.target(a)], g.weight(a));
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    /**
     * Betweenness by listing every shortest path of every ordered pair and counting, for each node, the share of
     * paths through it; normalised as NetworkX.
     */
    public static double[] betweenness(Graph g) {
        int n = g.nodeCount();
        double[][] d = distances(g);
        double[] bc = new double[n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s == t || d[s][t] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                List<int[]> paths = new ArrayList<>();
                listShortestPaths(g, d, s, t, new ArrayList<>(List.of(s)), paths);
                for (int[] path : paths) {
                    for (int i = 1; i < path.length - 1; i++) {
                        bc[path[i]] += 1.0 / paths.size();
                    }
                }
            }
        }
        if (n > 2) {
            for (int v = 0; v < n; v++) {
                bc[v] /= (double) (n - 1) * (n - 2);
            }
        }
        return bc;
    }

    private static void listShortestPaths(Graph g, double[][] d, int s, int t, List<Integer> prefix,
                                          List<int[]> out) {
        int u = prefix.getLast();
        if (u == t) {
            out.add(prefix.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int a = g.outStart(u); a < g.outEnd(u); a++) {
            int w = g.target(a);
            if (d[s][u] + g.weight(a) + d[w][t] == d[s][t]) {
                prefix.add(w);
                listShortestPaths(g, d, s, t, prefix, out);
                prefix.removeLast();
            }
        }
    }

    /** Every simple path from s to t. */
    public static List<int[]> simplePaths(Graph g, int s, int t) {
        List<int[]> out = new ArrayList<>();
        boolean[] onPath = new boolean[g.nodeCount()];
        onPath[s] = true;
        simplePaths(g, t, new ArrayList<>(List.of(s)), onPath, out);
        return out;
    }

    private static void simplePaths(Graph g, int t, List<Integer> prefix, boolean[] onPath, List<int[]> out) {
        int u = prefix.getLast();
        if (u == t) {
            out.add(prefix.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int a = g.outStart(u); a < g.outEnd(u); a++) {
            int w = g.target(a);
            if (!onPath[w]) {
                onPath[w] = true;
                prefix.add(w);
                simplePaths(g, t, prefix, onPath, out);
                prefix.removeLast();
                onPath[w] = false;
            }
        }
    }

    /** Connected pairs left after removing node {@code v}, by rebuilding the graph without it. */
    public static long connectedPairsWithout(Graph g, int v) {
        return Components.of(g.induced(allBut(g.nodeCount(), v))).connectedPairs();
    }

    public static int[] allBut(int n, int v) {
        int[] keep = new int[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != v) {
                keep[k++] = i;
            }
        }
        return keep;
    }

    /** Core numbers from the definition: the k-core is what is left after repeatedly deleting degree-&lt;k nodes. */
    public static int[] coreNumbers(Graph g) {
        int n = g.nodeCount();
        int[] core = new int[n];
        for (int k = 1; ; k++) {
            boolean[] alive = new boolean[n];
            Arrays.fill(alive, true);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int v = 0; v < n; v++) {
                    if (!alive[v]) {
                        continue;
                    }
                    int degree = 0;
                    for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                        degree += alive[g.target(a)] ? 1 : 0;
                    }
                    if (degree < k) {
                        alive[v] = false;
                        changed = true;
                    }
                }
            }
            boolean any = false;
            for (int v = 0; v < n; v++) {
                if (alive[v]) {
                    core[v] = k;
                    any = true;
                }
            }
            if (!any) {
                return core;
            }
        }
    }
}
