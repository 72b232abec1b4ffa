package org.passerelle.graph.path;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * Single-source shortest distances, reusable across many sources without reallocating: breadth-first search when
 * the graph is unweighted, Dijkstra (weights as lengths) when it is weighted. Not thread-safe: each thread of a
 * parallel measure owns one.
 *
 * <p>Reached nodes are listed in order of non-decreasing distance ({@link #reached(int)}), the order Brandes'
 * betweenness needs. Nodes and arcs may be blocked, as Yen's algorithm requires.
 */
public final class DistanceSearch {
    private final Graph graph;
    private final boolean backwards;
    private final double[] distance;
    private final int[] parent;
    private final int[] order;
    private final int[] touched;
    private int reachedCount;
    private int touchedCount;
    private boolean[] blockedNodes;
    private boolean[] blockedArcs;
    private final MinHeap heap;

    private DistanceSearch(Graph graph, boolean backwards) {
        this.graph = graph;
        this.backwards = backwards;
        int n = graph.nodeCount();
        distance = new double[n];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        parent = new int[n];
        order = new int[n];
        touched = new int[n];
        heap = graph.weighted() ? new MinHeap() : null;
    }

    /** Distances from the source along arcs. */
    public static DistanceSearch forward(Graph graph) {
        return new DistanceSearch(graph, false);
    }

    /** Distances to the source, i.e. along arcs taken backwards (NetworkX's closeness of a directed graph). */
    public static DistanceSearch backwards(Graph graph) {
        return new DistanceSearch(graph, true);
    }

    /**
     * Forbids the nodes and out-arcs flagged {@code true} in later runs; {@code null} forbids none. Arc flags are
     * indexed like the graph's out-arcs and apply to forward searches.
     */
    public void block(boolean[] nodes, boolean[] arcs) {
        this.blockedNodes = nodes;
        this.blockedArcs = arcs;
    }

    /** Computes distances from {@code source} to every reachable node; returns how many were reached. */
    public int run(int source) {
        return run(source, -1);
    }

    /**
     * Computes distances from {@code source}, stopping early once {@code stopAt} is settled ({@code -1}: never).
     * Returns the number of nodes settled.
     */
    public int run(int source, int stopAt) {
        for (int i = 0; i < touchedCount; i++) {
            distance[touched[i]] = Double.POSITIVE_INFINITY;
        }
        touchedCount = 0;
        reachedCount = 0;
        if (blockedNodes != null && blockedNodes[source]) {
            return 0;
        }
        reach(source, 0.0, -1);
        if (heap == null) {
            breadthFirst(source, stopAt);
        } else {
            dijkstra(source, stopAt);
        }
        return reachedCount;
    }

    private void breadthFirst(int source, int stopAt) {
        order[reachedCount++] = source;
        for (int head = 0; head < reachedCount; head++) {
            int u = order[head];
            if (u == stopAt) {
                reachedCount = head + 1;
                return;
            }
            double next = distance[u] + 1.0;
            int end = end(u);
            for (int a = start(u); a < end; a++) {
                int v = other(a);
                if (distance[v] == Double.POSITIVE_INFINITY && allowed(a, v)) {
                    reach(v, next, u);
                    order[reachedCount++] = v;
                }
            }
        }
    }

    private void dijkstra(int source, int stopAt) {
        heap.clear();
        heap.push(0.0, source);
        while (!heap.isEmpty()) {
            double d = heap.peekKey();
            int u = heap.pop();
            if (d > distance[u]) {
                continue; // a stale entry: u was reached by a shorter path since (keys of u only decrease)
            }
            order[reachedCount++] = u;
            if (u == stopAt) {
                return;
            }
            int end = end(u);
            for (int a = start(u); a < end; a++) {
                int v = other(a);
                double candidate = d + weight(a);
                if (candidate < distance[v] && allowed(a, v)) {
                    reach(v, candidate, u);
                    heap.push(candidate, v);
                }
            }
        }
    }

    private void reach(int v, double d, int from) {
        if (distance[v] == Double.POSITIVE_INFINITY) {
            touched[touchedCount++] = v;
        }
        distance[v] = d;
        parent[v] = from;
    }

    private boolean allowed(int arc, int v) {
        return (blockedNodes == null || !blockedNodes[v]) && (blockedArcs == null || backwards || !blockedArcs[arc]);
    }

    private int start(int u) {
        return backwards ? graph.inStart(u) : graph.outStart(u);
    }

    private int end(int u) {
        return backwards ? graph.inEnd(u) : graph.outEnd(u);
    }

    private int other(int arc) {
        return backwards ? graph.source(arc) : graph.target(arc);
    }

    private double weight(int arc) {
        return backwards ? graph.inWeight(arc) : graph.weight(arc);
    }

    /** Distance from the source to {@code v} of the last run, {@code +Infinity} when unreached. */
    public double distance(int v) {
        return distance[v];
    }

    /** The {@code i}-th settled node, in order of non-decreasing distance (the source first). */
    public int reached(int i) {
        return order[i];
    }

    /** The node before {@code v} on the shortest path found to {@code v}; -1 for the source. */
    public int parent(int v) {
        return parent[v];
    }
}
