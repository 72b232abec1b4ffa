package org.passerelle.graph.disruption;

import java.util.List;

/**
 * The state of the network after one step of a disruption plan.
 *
 * @param step          0 for the intact graph, then 1, 2, …
 * @param removed       sequential: the actor removed at this step; block: the whole block removed at this step;
 *                      empty at step 0
 * @param lccSize       size of the largest connected component left
 * @param lccRatio      {@code lccSize} divided by the intact graph's largest component (1.0 at step 0)
 * @param fragmentation Borgatti's {@code F}, over the original node count (see {@link Disruption})
 */
public record DisruptionStep(int step, List<String> removed, int lccSize, double lccRatio, double fragmentation) {
    public DisruptionStep {
        removed = List.copyOf(removed);
    }
}
