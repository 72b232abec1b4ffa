package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class CollectiveInfluenceTest {
    /** Hub a (0) with leaves 1, 2; a - b (3) - c (4); hub c with leaves 5, 6, 7. */
    private static final Graph TWO_HUBS = TestGraphs.undirected(8, new int[][] {
        {0, 1}, {0, 2}, {0, 3}, {3, 4}, {4, 5}, {4, 6}, {4, 7}});

    @Test
    void radiusTwoSeesTheOtherHub() {
        // CI_2(a) = (3-1) * (k_c - 1) = 2 * 3; CI_2(c) = (4-1) * (k_a - 1) = 3 * 2; b's ball boundary is leaves
        assertThat(CollectiveInfluence.compute(TWO_HUBS)).containsExactly(6, 0, 0, 0, 6, 0, 0, 0);
    }

    @Test
    void otherRadii() {
        // CI_1(a) = 2 * ((1-1) + (1-1) + (2-1)); CI_1(b) = 1 * (2 + 3)
        assertThat(CollectiveInfluence.compute(TWO_HUBS, 1)).containsExactly(2, 0, 0, 5, 3, 0, 0, 0);
        assertThat(CollectiveInfluence.compute(TWO_HUBS, 3)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> CollectiveInfluence.compute(TWO_HUBS, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void starAndCycle() {
        assertThat(CollectiveInfluence.compute(TestGraphs.star(5))).containsOnly(0);
        // every node of a 6-cycle sees two nodes of degree 2 at distance 2: (2-1) * 2
        assertThat(CollectiveInfluence.compute(TestGraphs.cycle(6))).containsOnly(2);
    }
}
