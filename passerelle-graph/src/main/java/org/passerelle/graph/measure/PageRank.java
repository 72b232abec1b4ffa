package org.passerelle.graph.measure;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * PageRank as NetworkX computes it ({@code pagerank}, uniform personalisation): a random walker follows an arc with
 * probability {@code alpha} (in proportion to its weight when weighted) and jumps to a uniformly chosen actor
 * otherwise. A dangling actor (no outgoing arc) hands its whole score to all actors uniformly, so the scores always
 * sum to 1. An undirected edge is followed both ways.
 */
public final class PageRank {
    /** NetworkX's defaults. */
    public static final double DEFAULT_ALPHA = 0.85;
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private PageRank() {
    }

    public static double[] compute(Graph graph) {
        return compute(graph, DEFAULT_ALPHA, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /**
     * @param tolerance the iteration stops once the L1 change is below {@code n * tolerance}
     * @throws NotConvergedException after {@code maxIterations} iterations without converging
     */
    public static double[] compute(Graph graph, double alpha, int maxIterations, double tolerance) {
        int n = graph.nodeCount();
        if (n == 0) {
            return new double[0];
        }
        double[] outStrength = new double[n];
        for (int v = 0; v < n; v++) {
            for (int a = graph.outStart(v); a < graph.outEnd(v); a++) {
                outStrength[v] += graph.weight(a);
            }
        }
        double uniform = 1.0 / n;
        double[] x = new double[n];
        Arrays.fill(x, uniform);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] last = x;
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                if (outStrength[v] == 0) {
                    dangling += last[v];
                }
            }
            x = new double[n];
            double change = 0;
            for (int v = 0; v < n; v++) {
                double inflow = 0;
                for (int a = graph.inStart(v); a < graph.inEnd(v); a++) {
                    int u = graph.source(a);
                    inflow += last[u] * graph.inWeight(a) / outStrength[u];
                }
                x[v] = alpha * (inflow + dangling * uniform) + (1 - alpha) * uniform;
                change += Math.abs(x[v] - last[v]);
            }
            if (change < n * tolerance) {
                return x;
            }
        }
        throw new NotConvergedException("PageRank", maxIterations);
    }
}
