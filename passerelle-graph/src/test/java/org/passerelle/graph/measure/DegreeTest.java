package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class DegreeTest {
    @Test
    void starDegreesAndCentrality() {
        assertThat(Degree.degrees(TestGraphs.star(4))).containsExactly(4, 1, 1, 1, 1);
        assertThat(Degree.centrality(TestGraphs.star(4))).containsExactly(1, 0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void directedCountsInAndOutLikeNetworkx() {
        Graph g = TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});
        assertThat(Degree.degrees(g)).containsExactly(2, 2, 3, 2, 1);
        assertThat(Degree.centrality(g)).containsExactly(new double[] {0.5, 0.5, 0.75, 0.5, 0.25}, within(1e-12));
    }

    @Test
    void singleNodeHasCentralityOne() {
        assertThat(Degree.centrality(TestGraphs.undirected(1))).containsExactly(1.0);
    }
}
