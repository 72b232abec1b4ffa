package org.passerelle.graph.measure;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * The out-arcs of a graph, renumbered for cache locality, as two bare {@code int} arrays: the arcs leaving node
 * {@code u} (new numbering) go to {@code targets[offsets[u] .. offsets[u+1]-1]}, in increasing order.
 *
 * <p>Why: on a graph of 100k nodes, a breadth-first search touches the per-node arrays (distance, path counts) at
 * random, and most of the time goes into cache misses. Nodes are renumbered in breadth-first order from the
 * highest-degree node, visiting each node's neighbours by decreasing degree (reverse Cuthill–McKee without the
 * reversal): neighbours get nearby numbers, so a node's arcs land on few cache lines, and the hubs, which most
 * arcs point to, are packed together at the front. Only the numbering changes; results are mapped back by the
 * caller with {@link #original(int)} and {@link #renumbered(int)}.
 */
final class RenumberedArcs {
    final int[] offsets;
    final int[] targets;
    private final int[] newIndex;
    private final int[] oldIndex;

    private RenumberedArcs(int[] offsets, int[] targets, int[] newIndex, int[] oldIndex) {
        this.offsets = offsets;
        this.targets = targets;
        this.newIndex = newIndex;
        this.oldIndex = oldIndex;
    }

    static RenumberedArcs of(Graph graph) {
        int[] oldIndex = localityOrder(graph);
        int n = oldIndex.length;
        int[] newIndex = new int[n];
        for (int i = 0; i < n; i++) {
            newIndex[oldIndex[i]] = i;
        }
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + graph.outDegree(oldIndex[i]);
        }
        int[] targets = new int[offsets[n]];
        for (int i = 0; i < n; i++) {
            int u = oldIndex[i];
            int a = offsets[i];
            for (int arc = graph.outStart(u); arc < graph.outEnd(u); arc++) {
                targets[a++] = newIndex[graph.target(arc)];
            }
            Arrays.sort(targets, offsets[i], a);
        }
        return new RenumberedArcs(offsets, targets, newIndex, oldIndex);
    }

    int nodeCount() {
        return oldIndex.length;
    }

    /** The new number of the graph's node {@code v}. */
    int renumbered(int v) {
        return newIndex[v];
    }

    /** The graph's node numbered {@code i} here. */
    int original(int i) {
        return oldIndex[i];
    }

    /**
     * Old node indices in their new order: breadth-first over the undirected view, each component started from its
     * highest-degree node not yet numbered, neighbours taken by decreasing degree (ties by index, so that the order
     * is deterministic).
     */
    private static int[] localityOrder(Graph graph) {
        int n = graph.nodeCount();
        Integer[] byDegree = new Integer[n];
        Arrays.setAll(byDegree, v -> v);
        Arrays.sort(byDegree, (a, b) -> graph.degree(a) != graph.degree(b)
                ? Integer.compare(graph.degree(b), graph.degree(a)) : Integer.compare(a, b));
        int[] rank = new int[n]; // position by decreasing degree
        for (int i = 0; i < n; i++) {
            rank[byDegree[i]] = i;
        }
        int[] order = new int[n];
        boolean[] numbered = new boolean[n];
        int[] scratch = new int[n];
        int count = 0;
        for (Integer start : byDegree) {
            if (numbered[start]) {
                continue;
            }
            numbered[start] = true;
            order[count++] = start;
            for (int head = count - 1; head < count; head++) {
                int u = order[head];
                int found = 0;
                found = collect(graph.outStart(u), graph.outEnd(u), true, graph, numbered, scratch, found);
                if (graph.directed()) {
                    found = collect(graph.inStart(u), graph.inEnd(u), false, graph, numbered, scratch, found);
                }
                // Sorting ranks sorts by decreasing degree, ties by index.
                for (int i = 0; i < found; i++) {
                    scratch[i] = rank[scratch[i]];
                }
                Arrays.sort(scratch, 0, found);
                for (int i = 0; i < found; i++) {
                    order[count++] = byDegree[scratch[i]];
                }
            }
        }
        return order;
    }

    /** Appends the not yet numbered ends of the given arcs to {@code into}, marking them numbered. */
    private static int collect(int start, int end, boolean out, Graph graph, boolean[] numbered, int[] into,
                               int found) {
        for (int arc = start; arc < end; arc++) {
            int v = out ? graph.target(arc) : graph.source(arc);
            if (!numbered[v]) {
                numbered[v] = true;
                into[found++] = v;
            }
        }
        return found;
    }
}
