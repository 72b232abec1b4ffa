package org.passerelle.graph.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class KShortestPathsTest {
    @Test
    void weightedExampleMatchesNetworkxLengths() {
        // NetworkX shortest_simple_paths: [0,1,2,3,4] 3.5; [0,2,3,4] 4.5; [0,1,3,4] 4.5; [0,2,1,3,4] 7.5.
        // Equal lengths and hops are ordered by node indices here, so [0,1,3,4] precedes [0,2,3,4].
        List<Path> paths = KShortestPaths.between(ShortestPathsTest.WEIGHTED, 0, 4, 10);

        assertThat(paths).extracting(Path::length).containsExactly(3.5, 4.5, 4.5, 7.5);
        assertThat(paths.get(0).nodes()).containsExactly(0, 1, 2, 3, 4);
        assertThat(paths.get(1).nodes()).containsExactly(0, 1, 3, 4);
        assertThat(paths.get(2).nodes()).containsExactly(0, 2, 3, 4);
        assertThat(paths.get(3).nodes()).containsExactly(0, 2, 1, 3, 4);
    }

    @Test
    void cycleHasExactlyTwoRoutesBetweenOppositeNodes() {
        List<Path> paths = KShortestPaths.between(TestGraphs.cycle(6), "0", "3", 5);
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).nodes()).containsExactly(0, 1, 2, 3);
        assertThat(paths.get(1).nodes()).containsExactly(0, 5, 4, 3);
    }

    @Test
    void edgeCases() {
        assertThat(KShortestPaths.between(TestGraphs.undirected(2), 0, 1, 3)).isEmpty();
        assertThat(KShortestPaths.between(TestGraphs.path(3), 0, 2, 1)).hasSize(1);
        assertThatThrownBy(() -> KShortestPaths.between(TestGraphs.path(3), 0, 2, 0))
                .hasMessage("k must be at least 1, got 0");
    }

    @Test
    void equalsBruteForceEnumerationOfSimplePaths() {
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            boolean directed = seed % 2 == 0;
            GraphBuilder builder = new GraphBuilder(directed, true);
            int n = 7;
            for (int v = 0; v < n; v++) {
                builder.addNode(Integer.toString(v));
            }
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    if (u != v && random.nextDouble() < 0.35) {
                        builder.addLink(Integer.toString(u), Integer.toString(v), 1 + random.nextInt(4));
                    }
                }
            }
            Graph g = builder.build();
            int k = 1 + random.nextInt(8);
            List<int[]> all = BruteForce.simplePaths(g, 0, n - 1);
            double[] expectedLengths = all.stream().mapToDouble(p -> length(g, p)).sorted().limit(k).toArray();

            List<Path> paths = KShortestPaths.between(g, 0, n - 1, k);

            assertThat(paths).extracting(Path::length).as("seed %d", seed)
                    .containsExactly(Arrays.stream(expectedLengths).boxed().toArray(Double[]::new));
            Set<List<Integer>> distinct = new HashSet<>();
            for (Path path : paths) {
                assertThat(path.nodes()).doesNotHaveDuplicates().startsWith(0).endsWith(n - 1);
                assertThat(length(g, path.nodes())).isEqualTo(path.length());
                assertThat(distinct.add(Arrays.stream(path.nodes()).boxed().toList())).isTrue();
            }
        }
    }

    private static double length(Graph g, int[] nodes) {
        double length = 0;
        for (int i = 0; i + 1 < nodes.length; i++) {
            int arc = g.arc(nodes[i], nodes[i + 1]);
            assertThat(arc).isNotNegative();
            length += g.weight(arc);
        }
        return length;
    }
}
