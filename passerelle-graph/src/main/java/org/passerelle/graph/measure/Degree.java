package org.passerelle.graph.measure;

import org.passerelle.graph.Graph;

/** Degree and NetworkX's degree centrality: how many direct contacts an actor has. */
public final class Degree {
    private Degree() {
    }

    /** Neighbours of each node when undirected; in-degree plus out-degree when directed. */
    public static int[] degrees(Graph graph) {
        int[] degrees = new int[graph.nodeCount()];
        for (int v = 0; v < degrees.length; v++) {
            degrees[v] = graph.degree(v);
        }
        return degrees;
    }

    /**
     * Degree divided by {@code n - 1}, the most contacts an actor could have (NetworkX {@code degree_centrality}; it
     * may exceed 1 in a directed graph). A graph of one node gets 1, as in NetworkX.
     */
    public static double[] centrality(Graph graph) {
        int n = graph.nodeCount();
        double[] centrality = new double[n];
        for (int v = 0; v < n; v++) {
            centrality[v] = n <= 1 ? 1.0 : graph.degree(v) / (double) (n - 1);
        }
        return centrality;
    }
}
