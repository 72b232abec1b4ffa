package org.passerelle.graph.disruption;

import java.util.ArrayList;
import java.util.List;

import org.passerelle.graph.Graph;
import org.passerelle.graph.measure.Components;
import org.passerelle.graph.measure.Ranking;

/**
 * Simulates arrests and records how the network falls apart: the disruption curve.
 *
 * <p>Rules, fixed so that curves can be compared:
 * <ul>
 *   <li>Disruption is about who can still reach whom, so it works on the undirected view of the graph.</li>
 *   <li>{@link DisruptionMode#SEQUENTIAL}: at each step the strategy scores the remaining graph and its best actor
 *       is removed. {@link DisruptionMode#BLOCK}: the strategy scores the intact graph once and step {@code k}
 *       removes its top {@code k} actors together.</li>
 *   <li>Ties (scores within a relative {@value Ranking#TIE_TOLERANCE}) go to the actor that appeared first in the
 *       input.</li>
 *   <li>Fragmentation is Borgatti's {@code F = 1 - sum over components of s(s-1) / (n(n-1))} with {@code n} the
 *       <em>original</em> node count: removed actors count as isolates, so {@code F} never decreases along a curve
 *       and curves of different lengths stay comparable. It is 0 for a connected graph and for fewer than two
 *       actors.</li>
 * </ul>
 */
public final class Disruption {
    private Disruption() {
    }

    /**
     * Removes up to {@code steps} actors (never more than the graph has) and returns the curve, step 0 being the
     * intact graph.
     */
    public static List<DisruptionStep> simulate(Graph graph, DisruptionStrategy strategy, DisruptionMode mode,
                                                int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        Graph g = graph.undirected();
        int n = g.nodeCount();
        int count = Math.min(steps, n);
        Components intact = Components.of(g);
        int intactLargest = intact.largestSize();
        List<DisruptionStep> curve = new ArrayList<>();
        curve.add(new DisruptionStep(0, List.of(), intactLargest, 1.0, fragmentation(intact, n)));
        boolean[] removed = new boolean[n];
        int[] blockOrder = mode == DisruptionMode.BLOCK ? Ranking.top(strategy.scores(g), count) : null;
        List<String> removedSoFar = new ArrayList<>();
        Graph current = g;
        int[] currentToOriginal = allNodes(n);
        for (int step = 1; step <= count; step++) {
            int victim = blockOrder != null
                    ? blockOrder[step - 1]
                    : currentToOriginal[Ranking.best(strategy.scores(current), null)];
            removed[victim] = true;
            removedSoFar.add(g.label(victim));
            currentToOriginal = remaining(removed);
            current = g.induced(currentToOriginal);
            Components components = Components.of(current);
            int largest = components.largestSize();
            List<String> removedNow = mode == DisruptionMode.BLOCK ? removedSoFar : List.of(g.label(victim));
            curve.add(new DisruptionStep(step, removedNow, largest,
                    intactLargest == 0 ? 0.0 : largest / (double) intactLargest,
                    fragmentation(components, n)));
        }
        return curve;
    }

    /** Borgatti's fragmentation of a graph whose components are {@code components}, out of {@code n} actors. */
    public static double fragmentation(Components components, int n) {
        if (n < 2) {
            return 0.0;
        }
        return 1.0 - components.connectedPairs() / ((double) n * (n - 1));
    }

    private static int[] allNodes(int n) {
        int[] nodes = new int[n];
        for (int v = 0; v < n; v++) {
            nodes[v] = v;
        }
        return nodes;
    }

    private static int[] remaining(boolean[] removed) {
        int count = 0;
        for (boolean r : removed) {
            count += r ? 0 : 1;
        }
        int[] kept = new int[count];
        int i = 0;
        for (int v = 0; v < removed.length; v++) {
            if (!removed[v]) {
                kept[i++] = v;
            }
        }
        return kept;
    }
}
