package org.passerelle.graph.path;

import java.util.Arrays;
import java.util.List;

import org.passerelle.graph.Graph;

/**
 * A simple path between two actors.
 *
 * @param nodes  node indices from source to target
 * @param length number of edges when unweighted, sum of the edges' weights (lengths) when weighted
 */
public record Path(int[] nodes, double length) {
    public Path {
        nodes = nodes.clone();
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    /** Number of edges on the path. */
    public int hops() {
        return nodes.length - 1;
    }

    public int node(int i) {
        return nodes[i];
    }

    /** The actors' labels, source first. */
    public List<String> labels(Graph graph) {
        return Arrays.stream(nodes).mapToObj(graph::label).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Path path && path.length == length && Arrays.equals(path.nodes, nodes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nodes) * 31 + Double.hashCode(length);
    }

    @Override
    public String toString() {
        return Arrays.toString(nodes) + " (" + length + ")";
    }
}
