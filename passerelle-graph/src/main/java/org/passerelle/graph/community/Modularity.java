package org.passerelle.graph.community;

import org.passerelle.graph.Graph;

/**
 * Newman's modularity, as NetworkX's {@code modularity}: how much more weight falls inside the communities than
 * a random graph with the same degrees would put there. Weighted graphs count weights (strengths).
 */
public final class Modularity {
    private Modularity() {
    }

    public static double of(Graph graph, Partition partition) {
        return of(graph, partition, 1.0);
    }

    /**
     * Undirected: {@code sum over c of L_c/m - resolution * (K_c / 2m)^2}, with {@code L_c} the weight inside
     * {@code c}, {@code K_c} the summed strengths of its members and {@code m} the total weight. Directed:
     * {@code sum over c of L_c/m - resolution * Kout_c * Kin_c / m^2}. NaN for a graph without edges, where it is
     * undefined.
     */
    public static double of(Graph graph, Partition partition, double resolution) {
        if (partition.nodeCount() != graph.nodeCount()) {
            throw new IllegalArgumentException("partition has " + partition.nodeCount() + " nodes, graph has "
                    + graph.nodeCount());
        }
        int k = partition.count();
        double[] inside = new double[k];
        double[] outStrength = new double[k];
        double[] inStrength = new double[k];
        double arcWeight = 0;
        for (int u = 0; u < graph.nodeCount(); u++) {
            int cu = partition.communityOf(u);
            for (int a = graph.outStart(u); a < graph.outEnd(u); a++) {
                double w = graph.weight(a);
                int cv = partition.communityOf(graph.target(a));
                arcWeight += w;
                outStrength[cu] += w;
                inStrength[cv] += w;
                if (cu == cv) {
                    inside[cu] += w;
                }
            }
        }
        if (arcWeight == 0) {
            return Double.NaN;
        }
        // Undirected edges are stored as two arcs: halve the arc sums to get edge weights.
        double m = graph.directed() ? arcWeight : arcWeight / 2;
        double q = 0;
        for (int c = 0; c < k; c++) {
            double internal = graph.directed() ? inside[c] : inside[c] / 2;
            double expected = graph.directed()
                    ? outStrength[c] * inStrength[c] / (m * m)
                    : (outStrength[c] / (2 * m)) * (outStrength[c] / (2 * m));
            q += internal / m - resolution * expected;
        }
        return q;
    }
}
