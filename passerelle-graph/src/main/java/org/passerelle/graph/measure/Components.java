package org.passerelle.graph.measure;

import java.util.Arrays;

import org.passerelle.graph.Graph;

/**
 * Connected components (weakly connected when directed: a call links two actors whoever dialled). Components are
 * numbered by their first actor in input order.
 *
 * @param componentOf component of each node
 * @param sizes       size of each component
 */
public record Components(int[] componentOf, int[] sizes) {
    public static Components of(Graph graph) {
        int n = graph.nodeCount();
        int[] componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        int[] queue = new int[n];
        int[] sizes = new int[n];
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (componentOf[root] >= 0) {
                continue;
            }
            int tail = 0;
            queue[tail++] = root;
            componentOf[root] = count;
            for (int head = 0; head < tail; head++) {
                int u = queue[head];
                for (int a = graph.outStart(u); a < graph.outEnd(u); a++) {
                    tail = visit(graph.target(a), count, componentOf, queue, tail);
                }
                for (int a = graph.inStart(u); a < graph.inEnd(u); a++) {
                    tail = visit(graph.source(a), count, componentOf, queue, tail);
                }
            }
            sizes[count++] = tail;
        }
        return new Components(componentOf, Arrays.copyOf(sizes, count));
    }

    private static int visit(int v, int component, int[] componentOf, int[] queue, int tail) {
        if (componentOf[v] < 0) {
            componentOf[v] = component;
            queue[tail++] = v;
        }
        return tail;
    }

    public int count() {
        return sizes.length;
    }

    /** Size of the largest component, 0 for an empty graph. */
    public int largestSize() {
        return Arrays.stream(sizes).max().orElse(0);
    }

    /** Ordered pairs of distinct actors that can still reach each other: the sum of {@code s(s-1)}. */
    public long connectedPairs() {
        long pairs = 0;
        for (int s : sizes) {
            pairs += (long) s * (s - 1);
        }
        return pairs;
    }
}
