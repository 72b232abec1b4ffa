package org.passerelle.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable graph of actors held in compressed sparse row (CSR) arrays, so that the measures run over plain
 * {@code int} indices instead of objects.
 *
 * <p>Node {@code v} is an index in {@code [0, nodeCount())}, numbered in order of first appearance in the input:
 * every "ties broken by input order" rule in this module means "lowest index first". Its label is kept exactly as
 * written. Arcs leaving {@code v} are {@code outStart(v) .. outEnd(v)-1}, sorted by target index; arcs entering
 * {@code v} are {@code inStart(v) .. inEnd(v)-1}, sorted by source index. An undirected graph stores each edge as
 * two arcs and its in-arcs are its out-arcs. There are no self-loops and no parallel arcs.
 *
 * <p>Weights follow NetworkX: path-based measures (shortest paths, betweenness, closeness, harmonic) read a weight
 * as a <em>length</em>, while PageRank, eigenvector centrality and Louvain read it as a <em>strength</em>. In an
 * unweighted graph every arc weighs 1.
 */
public final class Graph {
    private final boolean directed;
    private final boolean weighted;
    private final String[] labels;
    private final EntityKind[] kinds;
    private final Map<String, Integer> indexByLabel;
    private final Csr out;
    private final Csr in;

    private Graph(boolean directed, boolean weighted, String[] labels, EntityKind[] kinds, Csr out, Csr in) {
        this.directed = directed;
        this.weighted = weighted;
        this.labels = labels;
        this.kinds = kinds;
        this.out = out;
        this.in = in;
        this.indexByLabel = HashMap.newHashMap(labels.length);
        for (int v = 0; v < labels.length; v++) {
            indexByLabel.put(labels[v], v);
        }
    }

    /**
     * Assembles a graph from raw arcs {@code src[i] -> dst[i]} of weight {@code w[i]} (positive), for
     * {@code i < count}: drops self-loops, adds the reverse arc of every arc when undirected, and merges repeated
     * arcs by adding their weights (two calls and three calls between the same pair make five).
     */
    static Graph assemble(boolean directed, boolean weighted, String[] labels, EntityKind[] kinds,
                          int[] src, int[] dst, double[] w, int count) {
        int n = labels.length;
        int arcs = 0;
        for (int i = 0; i < count; i++) {
            if (src[i] != dst[i]) {
                arcs += directed ? 1 : 2;
            }
        }
        int[] s = new int[arcs];
        int[] d = new int[arcs];
        double[] ws = new double[arcs];
        int a = 0;
        for (int i = 0; i < count; i++) {
            if (src[i] == dst[i]) {
                continue;
            }
            s[a] = src[i];
            d[a] = dst[i];
            ws[a++] = w[i];
            if (!directed) {
                s[a] = dst[i];
                d[a] = src[i];
                ws[a++] = w[i];
            }
        }
        // Two stable counting sorts (by target, then by source) order the arcs by (source, target).
        int[] order = countingSort(s, countingSort(d, identity(arcs), n), n);
        int[] ms = new int[arcs];
        int[] md = new int[arcs];
        double[] mw = new double[arcs];
        int m = 0;
        for (int i : order) {
            if (m > 0 && ms[m - 1] == s[i] && md[m - 1] == d[i]) {
                mw[m - 1] += ws[i];
            } else {
                ms[m] = s[i];
                md[m] = d[i];
                mw[m++] = ws[i];
            }
        }
        Csr out = Csr.of(n, ms, md, mw, m, weighted, identity(m));
        Csr in = directed ? Csr.of(n, md, ms, mw, m, weighted, countingSort(md, identity(m), n)) : out;
        return new Graph(directed, weighted, labels, kinds, out, in);
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /** Returns {@code order} stably re-sorted by {@code key[order[i]]}, a key in {@code [0, range)}. */
    private static int[] countingSort(int[] key, int[] order, int range) {
        int[] start = new int[range + 1];
        for (int i : order) {
            start[key[i] + 1]++;
        }
        for (int k = 0; k < range; k++) {
            start[k + 1] += start[k];
        }
        int[] sorted = new int[order.length];
        for (int i : order) {
            sorted[start[key[i]]++] = i;
        }
        return sorted;
    }

    public boolean directed() {
        return directed;
    }

    public boolean weighted() {
        return weighted;
    }

    public int nodeCount() {
        return labels.length;
    }

    /** Number of edges: arcs when directed, unordered pairs when undirected. */
    public int edgeCount() {
        return directed ? out.adj.length : out.adj.length / 2;
    }

    public String label(int v) {
        return labels[v];
    }

    /** The entity kind the node was recorded with, or {@code null} when the input did not say (files). */
    public EntityKind kind(int v) {
        return kinds[v];
    }

    public List<String> labels() {
        return List.of(labels);
    }

    /** Index of the node with this label, or -1. */
    public int indexOf(String label) {
        Integer v = indexByLabel.get(label);
        return v == null ? -1 : v;
    }

    /** Index of the node with this label; fails with a message naming the label when there is none. */
    public int requireIndex(String label) {
        int v = indexOf(label);
        if (v < 0) {
            throw new IllegalArgumentException("no actor '" + label + "' in the graph");
        }
        return v;
    }

    public int outStart(int v) {
        return out.offsets[v];
    }

    public int outEnd(int v) {
        return out.offsets[v + 1];
    }

    /** Head of out-arc {@code arc}. */
    public int target(int arc) {
        return out.adj[arc];
    }

    /** Weight of out-arc {@code arc} (1 when unweighted). */
    public double weight(int arc) {
        return out.weights == null ? 1.0 : out.weights[arc];
    }

    public int inStart(int v) {
        return in.offsets[v];
    }

    public int inEnd(int v) {
        return in.offsets[v + 1];
    }

    /** Tail of in-arc {@code inArc}. */
    public int source(int inArc) {
        return in.adj[inArc];
    }

    /** Weight of in-arc {@code inArc} (1 when unweighted). */
    public double inWeight(int inArc) {
        return in.weights == null ? 1.0 : in.weights[inArc];
    }

    public int outDegree(int v) {
        return outEnd(v) - outStart(v);
    }

    public int inDegree(int v) {
        return inEnd(v) - inStart(v);
    }

    /** Number of neighbours when undirected; in-degree plus out-degree when directed (as NetworkX). */
    public int degree(int v) {
        return directed ? outDegree(v) + inDegree(v) : outDegree(v);
    }

    /** Index of the arc {@code u -> v}, or -1 when there is none. */
    public int arc(int u, int v) {
        int found = Arrays.binarySearch(out.adj, outStart(u), outEnd(u), v);
        return found >= 0 ? found : -1;
    }

    /**
     * This graph with directions forgotten: an edge wherever either direction has an arc, weighing the sum of
     * both directions. Returns {@code this} when already undirected.
     */
    public Graph undirected() {
        if (!directed) {
            return this;
        }
        int m = out.adj.length;
        int[] src = new int[m];
        for (int v = 0; v < nodeCount(); v++) {
            Arrays.fill(src, outStart(v), outEnd(v), v);
        }
        double[] w = new double[m];
        Arrays.setAll(w, this::weight);
        return assemble(false, weighted, labels, kinds, src, out.adj, w, m);
    }

    /**
     * The subgraph induced by the nodes {@code keep}, given in increasing index order: node {@code i} of the result
     * is node {@code keep[i]} of this graph, so input order (and with it every tie-break) is preserved.
     */
    public Graph induced(int[] keep) {
        int[] newIndex = new int[nodeCount()];
        Arrays.fill(newIndex, -1);
        for (int i = 0; i < keep.length; i++) {
            if (i > 0 && keep[i] <= keep[i - 1]) {
                throw new IllegalArgumentException("kept nodes must be in increasing order");
            }
            newIndex[keep[i]] = i;
        }
        int m = 0;
        for (int u : keep) {
            for (int a = outStart(u); a < outEnd(u); a++) {
                if (newIndex[target(a)] >= 0 && (directed || u < target(a))) {
                    m++;
                }
            }
        }
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        int i = 0;
        for (int u : keep) {
            for (int a = outStart(u); a < outEnd(u); a++) {
                int v = target(a);
                if (newIndex[v] >= 0 && (directed || u < v)) {
                    src[i] = newIndex[u];
                    dst[i] = newIndex[v];
                    w[i++] = weight(a);
                }
            }
        }
        String[] keptLabels = new String[keep.length];
        EntityKind[] keptKinds = new EntityKind[keep.length];
        for (int k = 0; k < keep.length; k++) {
            keptLabels[k] = labels[keep[k]];
            keptKinds[k] = kinds[keep[k]];
        }
        return assemble(directed, weighted, keptLabels, keptKinds, src, dst, w, m);
    }

    @Override
    public String toString() {
        return (directed ? "directed" : "undirected") + (weighted ? " weighted" : "") + " graph, "
                + nodeCount() + " nodes, " + edgeCount() + " edges";
    }

    /** One direction of adjacency: arcs of node v are {@code offsets[v] .. offsets[v+1]-1}. */
    private record Csr(int[] offsets, int[] adj, double[] weights) {
        /** Builds rows from arcs already listed in {@code order} sorted by (row, column). */
        static Csr of(int n, int[] row, int[] col, double[] w, int count, boolean weighted, int[] order) {
            int[] offsets = new int[n + 1];
            for (int i = 0; i < count; i++) {
                offsets[row[i] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            int[] adj = new int[count];
            double[] weights = weighted ? new double[count] : null;
            for (int k = 0; k < count; k++) {
                int i = order[k];
                adj[k] = col[i];
                if (weighted) {
                    weights[k] = w[i];
                }
            }
            return new Csr(offsets, adj, weights);
        }
    }
}
