package org.passerelle.graph.measure;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * Core numbers (Batagelj–Zaversnik, O(n + m)): an actor's core number is the largest {@code k} such that it belongs
 * to a subgraph where everyone has at least {@code k} contacts, the tight inner circle of a network. As NetworkX's
 * {@code core_number}, a directed graph counts in-degree plus out-degree.
 */
public final class CoreNumbers {
    private CoreNumbers() {
    }

    public static int[] compute(Graph graph) {
        int n = graph.nodeCount();
        int[] degree = Degree.degrees(graph);
        int maxDegree = Arrays.stream(degree).max().orElse(0);
        // Nodes sorted by current degree; binStart[d] is where degree d starts in that order.
        int[] binStart = new int[maxDegree + 2];
        for (int d : degree) {
            binStart[d + 1]++;
        }
        for (int d = 0; d <= maxDegree; d++) {
            binStart[d + 1] += binStart[d];
        }
        int[] order = new int[n];
        int[] position = new int[n];
        int[] next = binStart.clone();
        for (int v = 0; v < n; v++) {
            position[v] = next[degree[v]]++;
            order[position[v]] = v;
        }
        for (int i = 0; i < n; i++) {
            int v = order[i];
            for (int a = graph.outStart(v); a < graph.outEnd(v); a++) {
                lower(graph.target(a), v, degree, binStart, order, position);
            }
            if (graph.directed()) {
                for (int a = graph.inStart(v); a < graph.inEnd(v); a++) {
                    lower(graph.source(a), v, degree, binStart, order, position);
                }
            }
        }
        return degree;
    }

    /** Once {@code v} is peeled at its degree, a neighbour {@code u} of higher degree loses one contact. */
    private static void lower(int u, int v, int[] degree, int[] binStart, int[] order, int[] position) {
        if (degree[u] <= degree[v]) {
            return;
        }
        int du = degree[u];
        int first = order[binStart[du]];
        if (first != u) {
            order[position[u]] = first;
            position[first] = position[u];
            order[binStart[du]] = u;
            position[u] = binStart[du];
        }
        binStart[du]++;
        degree[u]--;
    }
}
