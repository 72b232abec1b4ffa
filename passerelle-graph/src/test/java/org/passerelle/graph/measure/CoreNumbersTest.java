package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class CoreNumbersTest {
    @Test
    void karateClubMatchesNetworkx() {
        assertThat(CoreNumbers.compute(TestGraphs.karate())).containsExactly(
                4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4);
    }

    @Test
    void simpleShapes() {
        assertThat(CoreNumbers.compute(TestGraphs.path(4))).containsOnly(1);
        assertThat(CoreNumbers.compute(TestGraphs.cycle(5))).containsOnly(2);
        assertThat(CoreNumbers.compute(TestGraphs.barbell())).containsExactly(3, 3, 3, 3, 2, 3, 3, 3, 3);
        assertThat(CoreNumbers.compute(TestGraphs.undirected(2))).containsExactly(0, 0);
    }

    @Test
    void directedCountsInPlusOutDegreeLikeNetworkx() {
        Graph g = TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});
        assertThat(CoreNumbers.compute(g)).containsExactly(2, 2, 2, 1, 1);
    }

    @Test
    void equalsPeelingDefinitionOnRandomGraphs() {
        for (long seed = 0; seed < 30; seed++) {
            Graph g = TestGraphs.random(25, 0.08 + seed * 0.01, seed, false);
            assertThat(CoreNumbers.compute(g)).as("seed %d", seed).containsExactly(BruteForce.coreNumbers(g));
        }
    }
}
