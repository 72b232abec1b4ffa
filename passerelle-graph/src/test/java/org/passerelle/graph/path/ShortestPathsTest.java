package org.passerelle.graph.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class ShortestPathsTest {
    static final Graph WEIGHTED = TestGraphs.weighted(5, new double[][] {
        {0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}, {2, 3, 0.5}, {1, 3, 2.5}, {3, 4, 1.0}});

    @Test
    void breadthFirstCountsEdges() {
        Path path = ShortestPaths.between(TestGraphs.cycle(6), "0", "2").orElseThrow();
        assertThat(path.nodes()).containsExactly(0, 1, 2);
        assertThat(path.length()).isEqualTo(2.0);
        assertThat(path.hops()).isEqualTo(2);
        assertThat(path.labels(TestGraphs.cycle(6))).containsExactly("0", "1", "2");
    }

    @Test
    void dijkstraWhenWeighted() {
        // NetworkX dijkstra_path: [0, 1, 2, 3, 4], length 3.5, although 0-2 is a direct edge
        Path path = ShortestPaths.between(WEIGHTED, 0, 4).orElseThrow();
        assertThat(path.nodes()).containsExactly(0, 1, 2, 3, 4);
        assertThat(path.length()).isEqualTo(3.5);
    }

    @Test
    void directedPathsFollowArcs() {
        Graph g = TestGraphs.directed(3, new int[][] {{0, 1}, {1, 2}});
        assertThat(ShortestPaths.between(g, 0, 2)).isPresent();
        assertThat(ShortestPaths.between(g, 2, 0)).isEmpty();
    }

    @Test
    void unreachableSameAndUnknownActors() {
        Graph g = TestGraphs.undirected(3, new int[][] {{0, 1}});
        assertThat(ShortestPaths.between(g, 0, 2)).isEmpty();
        assertThat(ShortestPaths.between(g, 1, 1).orElseThrow().nodes()).containsExactly(1);
        assertThatThrownBy(() -> ShortestPaths.between(g, "0", "Z")).hasMessage("no actor 'Z' in the graph");
    }

    @Test
    void lengthsEqualFloydWarshallOnRandomGraphs() {
        for (long seed = 0; seed < 20; seed++) {
            Graph g = TestGraphs.random(15, 0.15, seed, seed % 2 == 1);
            double[][] d = BruteForce.distances(g);
            for (int s = 0; s < g.nodeCount(); s++) {
                for (int t = 0; t < g.nodeCount(); t++) {
                    double expected = d[s][t];
                    assertThat(ShortestPaths.between(g, s, t).map(Path::length).orElse(Double.POSITIVE_INFINITY))
                            .isEqualTo(expected);
                }
            }
        }
    }
}
