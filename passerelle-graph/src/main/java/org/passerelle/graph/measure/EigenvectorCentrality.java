package org.passerelle.graph.measure;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * Eigenvector centrality by NetworkX's power iteration ({@code eigenvector_centrality}): an actor is central when
 * its contacts are. Iterating with {@code A + I} instead of {@code A} keeps the iteration from oscillating on
 * bipartite graphs without changing the eigenvector. Starting from the uniform vector, as NetworkX does, also fixes
 * the result on disconnected graphs, where the eigenvector is otherwise not unique. In a directed graph an actor
 * scores from its incoming arcs; in a weighted graph arcs count by their weight (strength).
 */
public final class EigenvectorCentrality {
    /** NetworkX's defaults. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private EigenvectorCentrality() {
    }

    public static double[] compute(Graph graph) {
        return compute(graph, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /**
     * The Euclidean-normalised centrality vector.
     *
     * @param tolerance the iteration stops once the L1 change is below {@code n * tolerance}
     * @throws NotConvergedException after {@code maxIterations} iterations without converging
     */
    public static double[] compute(Graph graph, int maxIterations, double tolerance) {
        int n = graph.nodeCount();
        if (n == 0) {
            return new double[0];
        }
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] last = x;
            x = new double[n];
            double squares = 0;
            for (int v = 0; v < n; v++) {
                double value = last[v];
                for (int a = graph.inStart(v); a < graph.inEnd(v); a++) {
                    value += last[graph.source(a)] * graph.inWeight(a);
                }
                x[v] = value;
                squares += value * value;
            }
            double norm = squares == 0 ? 1 : Math.sqrt(squares);
            double change = 0;
            for (int v = 0; v < n; v++) {
                x[v] /= norm;
                change += Math.abs(x[v] - last[v]);
            }
            if (change < n * tolerance) {
                return x;
            }
        }
        throw new NotConvergedException("eigenvector centrality", maxIterations);
    }
}
