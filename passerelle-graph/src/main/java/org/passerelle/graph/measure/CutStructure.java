package org.passerelle.graph.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.passerelle.graph.Graph;

/**
 * Where a network can be cut, from one depth-first search (Hopcroft–Tarjan, iterative so that long chains cannot
 * overflow the stack), on the undirected view of the graph:
 * <ul>
 *   <li>articulation points: actors whose arrest splits their component;</li>
 *   <li>bridges: links whose loss splits their component;</li>
 *   <li>for every actor, the connected pairs left if it alone were removed, which gives the key-player search its
 *       fragmentation of every candidate in O(n + m) instead of one component search per candidate.</li>
 * </ul>
 */
public final class CutStructure {
    private final boolean[] articulation;
    private final List<int[]> bridges;
    private final long[] pairsWithout;

    private CutStructure(boolean[] articulation, List<int[]> bridges, long[] pairsWithout) {
        this.articulation = articulation;
        this.bridges = bridges;
        this.pairsWithout = pairsWithout;
    }

    public static CutStructure of(Graph graph) {
        Graph g = graph.undirected();
        int n = g.nodeCount();
        int[] discovery = new int[n];
        Arrays.fill(discovery, -1);
        int[] low = new int[n];
        int[] subtree = new int[n];
        int[] parent = new int[n];
        int[] nextArc = new int[n];
        int[] stack = new int[n];
        int[] separatedChildren = new int[n];
        long[] separatedNodes = new long[n];
        long[] separatedPairs = new long[n];
        int[] componentSize = new int[n];
        int[] visitOrder = new int[n];
        List<int[]> bridges = new ArrayList<>();
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (discovery[root] >= 0) {
                continue;
            }
            int componentStart = time;
            int top = 0;
            stack[top++] = root;
            parent[root] = -1;
            visitOrder[time] = root;
            discovery[root] = low[root] = time++;
            subtree[root] = 1;
            nextArc[root] = g.outStart(root);
            while (top > 0) {
                int v = stack[top - 1];
                if (nextArc[v] < g.outEnd(v)) {
                    int w = g.target(nextArc[v]++);
                    if (discovery[w] < 0) {
                        parent[w] = v;
                        visitOrder[time] = w;
                        discovery[w] = low[w] = time++;
                        subtree[w] = 1;
                        nextArc[w] = g.outStart(w);
                        stack[top++] = w;
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], discovery[w]);
                    }
                    continue;
                }
                top--;
                int p = parent[v];
                if (p < 0) {
                    continue;
                }
                low[p] = Math.min(low[p], low[v]);
                subtree[p] += subtree[v];
                if (low[v] >= discovery[p]) {
                    // No back edge from v's subtree climbs above p: removing p cuts that subtree off.
                    separatedChildren[p]++;
                    separatedNodes[p] += subtree[v];
                    separatedPairs[p] += (long) subtree[v] * (subtree[v] - 1);
                }
                if (low[v] > discovery[p]) {
                    bridges.add(new int[] {Math.min(p, v), Math.max(p, v)});
                }
            }
            for (int i = componentStart; i < time; i++) {
                componentSize[visitOrder[i]] = time - componentStart;
            }
        }
        long totalPairs = 0;
        boolean[] articulation = new boolean[n];
        for (int v = 0; v < n; v++) {
            boolean root = parent[v] < 0;
            if (root) {
                totalPairs += (long) componentSize[v] * (componentSize[v] - 1);
            }
            articulation[v] = separatedChildren[v] >= (root ? 2 : 1);
        }
        long[] pairsWithout = new long[n];
        for (int v = 0; v < n; v++) {
            long size = componentSize[v];
            // What stays attached to v's ancestors (nothing for a root, whose children all separate).
            long rest = size - 1 - separatedNodes[v];
            pairsWithout[v] = totalPairs - size * (size - 1) + separatedPairs[v] + rest * (rest - 1);
        }
        bridges.sort(Comparator.<int[]>comparingInt(b -> b[0]).thenComparingInt(b -> b[1]));
        return new CutStructure(articulation, List.copyOf(bridges), pairsWithout);
    }

    public boolean isArticulationPoint(int v) {
        return articulation[v];
    }

    /** Articulation points in input order. */
    public int[] articulationPoints() {
        int count = 0;
        int[] points = new int[articulation.length];
        for (int v = 0; v < articulation.length; v++) {
            if (articulation[v]) {
                points[count++] = v;
            }
        }
        return Arrays.copyOf(points, count);
    }

    /** Bridges as {@code {u, v}} with {@code u < v}, sorted. */
    public List<int[]> bridges() {
        return bridges.stream().map(int[]::clone).toList();
    }

    /**
     * Ordered pairs of distinct actors still connected (sum of {@code s(s-1)} over components) once {@code v} alone
     * is removed.
     */
    public long connectedPairsWithout(int v) {
        return pairsWithout[v];
    }
}
