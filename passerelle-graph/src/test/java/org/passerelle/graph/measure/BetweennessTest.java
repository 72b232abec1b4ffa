package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class BetweennessTest {
    private static final double EPS = 1e-9;

    @Test
    void pathGraph() {
        // P5: node 1 lies on 3 of the 6 pairs of other nodes, node 2 on 4 of them.
        assertThat(Betweenness.exact(TestGraphs.path(5)))
                .containsExactly(new double[] {0, 0.5, 4.0 / 6, 0.5, 0}, within(EPS));
        assertThat(Betweenness.exact(TestGraphs.path(5), false, false))
                .containsExactly(new double[] {0, 3, 4, 3, 0}, within(EPS));
    }

    @Test
    void starCentreCarriesEveryPath() {
        assertThat(Betweenness.exact(TestGraphs.star(4))).containsExactly(new double[] {1, 0, 0, 0, 0}, within(EPS));
    }

    @Test
    void cycleIsUniform() {
        assertThat(Betweenness.exact(TestGraphs.cycle(6))).containsOnly(0.2);
    }

    @Test
    void barbellBridge() {
        // NetworkX barbell_graph(4, 1)
        assertThat(Betweenness.exact(TestGraphs.barbell())).containsExactly(new double[] {
            0, 0, 0, 0.5357142857142857, 0.5714285714285714, 0.5357142857142857, 0, 0, 0}, within(EPS));
    }

    @Test
    void karateClubMatchesNetworkx() {
        double[] bc = Betweenness.exact(TestGraphs.karate());
        assertThat(bc[0]).isCloseTo(0.4376352814, within(1e-9));
        assertThat(bc[1]).isCloseTo(0.0539366883, within(1e-9));
        assertThat(bc[2]).isCloseTo(0.1436568062, within(1e-9));
        assertThat(bc[32]).isCloseTo(0.1452471140, within(1e-9));
        assertThat(bc[33]).isCloseTo(0.3040749759, within(1e-9));
        assertThat(bc[16]).isZero();
    }

    @Test
    void directedGraphMatchesNetworkx() {
        Graph g = TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});
        assertThat(Betweenness.exact(g))
                .containsExactly(new double[] {1.0 / 12, 1.0 / 6, 0.25, 0, 0}, within(EPS));
        // Unnormalised directed values count each ordered pair once.
        assertThat(Betweenness.exact(g, false, false)).containsExactly(new double[] {1, 2, 3, 0, 0}, within(EPS));
    }

    @Test
    void weightedUsesDijkstraWithWeightsAsLengths() {
        Graph g = TestGraphs.weighted(5, new double[][] {
            {0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}, {2, 3, 0.5}, {1, 3, 2.5}, {3, 4, 1.0}});
        assertThat(Betweenness.exact(g))
                .containsExactly(new double[] {0, 0.5, 0.6666666667, 0.5, 0}, within(1e-9));
    }

    @Test
    void tinyGraphsAreZero() {
        assertThat(Betweenness.exact(GraphBuilder.undirected().build())).isEmpty();
        assertThat(Betweenness.exact(TestGraphs.path(2))).containsExactly(0, 0);
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsBruteForceCountOfAllShortestPaths(long seed) {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(10);
        double p = 0.15 + 0.5 * random.nextDouble();
        Graph undirected = TestGraphs.random(n, p, seed, false);
        Graph directed = TestGraphs.random(n, p, seed, true);

        assertThat(Betweenness.exact(undirected)).containsExactly(BruteForce.betweenness(undirected), within(EPS));
        assertThat(Betweenness.exact(directed)).containsExactly(BruteForce.betweenness(directed), within(EPS));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weightedEqualsBruteForce(long seed) {
        Random random = new Random(seed);
        int n = 3 + random.nextInt(8);
        GraphBuilder builder = new GraphBuilder(random.nextBoolean(), true);
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v && random.nextDouble() < 0.3) {
                    // small integer lengths: ties between paths are frequent and sums are exact
                    builder.addLink(Integer.toString(u), Integer.toString(v), 1 + random.nextInt(3));
                }
            }
        }
        Graph g = builder.build();
        assertThat(Betweenness.exact(g)).containsExactly(BruteForce.betweenness(g), within(EPS));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void unweightedSearchAgreesWithDijkstraOnUnitLengths(long seed) {
        // The unweighted path (BFS on renumbered arcs) against the weighted one (Dijkstra) on the same graph, larger
        // than brute force allows, sparse enough to be disconnected at times.
        Random random = new Random(seed);
        boolean directed = seed % 2 == 1;
        Graph plain = TestGraphs.random(40 + random.nextInt(160), 0.005 + 0.05 * random.nextDouble(), seed, directed);
        GraphBuilder unitLengths = new GraphBuilder(directed, true);
        for (int v = 0; v < plain.nodeCount(); v++) {
            unitLengths.addNode(plain.label(v));
        }
        for (int u = 0; u < plain.nodeCount(); u++) {
            for (int a = plain.outStart(u); a < plain.outEnd(u); a++) {
                if (directed || u < plain.target(a)) {
                    unitLengths.addLink(plain.label(u), plain.label(plain.target(a)), 1.0);
                }
            }
        }
        Graph weighted = unitLengths.build();

        assertThat(Betweenness.exact(plain, false, false))
                .containsExactly(Betweenness.exact(weighted, false, false), within(1e-9));
        assertThat(Betweenness.approximate(plain, 10, seed).values())
                .containsExactly(Betweenness.approximate(weighted, 10, seed).values(), within(1e-12));
    }

    @Test
    void parallelEqualsSequential() {
        for (long seed = 0; seed < 4; seed++) {
            Graph g = TestGraphs.random(300, 0.02, seed, seed % 2 == 0);
            assertThat(Betweenness.exact(g, true, true)).containsExactly(Betweenness.exact(g, true, false),
                    within(1e-12));
        }
    }

    @Test
    void approximationWithAllSourcesIsExact() {
        Graph g = TestGraphs.karate();
        Betweenness.Estimate estimate = Betweenness.approximate(g, g.nodeCount(), 42);

        assertThat(estimate.values()).containsExactly(Betweenness.exact(g), within(1e-12));
        assertThat(estimate.sources()).hasSize(34).doesNotHaveDuplicates();
        assertThat(estimate.errorBound(0.05)).isZero();
        assertThat(Betweenness.approximate(g, 1000, 1).values()).containsExactly(Betweenness.exact(g), within(1e-12));
    }

    @Test
    void approximationStaysWithinItsStatedBound() {
        Graph g = TestGraphs.random(150, 0.04, 7, false);
        double[] exact = Betweenness.exact(g);
        for (long seed = 0; seed < 5; seed++) {
            Betweenness.Estimate estimate = Betweenness.approximate(g, 40, seed);
            double bound = estimate.errorBound(0.01);
            double worst = IntStream.range(0, exact.length)
                    .mapToDouble(v -> Math.abs(estimate.values()[v] - exact[v])).max().orElseThrow();
            assertThat(worst).isLessThan(bound);
        }
    }

    @Test
    void approximationIsUnbiasedOnAverage() {
        Graph g = TestGraphs.barbell();
        double[] mean = new double[g.nodeCount()];
        int runs = 2000;
        for (int seed = 0; seed < runs; seed++) {
            double[] values = Betweenness.approximate(g, 3, seed).values();
            for (int v = 0; v < mean.length; v++) {
                mean[v] += values[v] / runs;
            }
        }
        assertThat(mean).containsExactly(Betweenness.exact(g), within(0.03));
    }

    @Test
    void approximationIsReproducibleFromItsSeed() {
        Graph g = TestGraphs.karate();
        assertThat(Betweenness.approximate(g, 10, 5).values()).containsExactly(
                Betweenness.approximate(g, 10, 5).values());
        assertThatThrownBy(() -> Betweenness.approximate(g, 1, 5)).hasMessageContaining("at least 2");
    }

    @Test
    void errorBoundAndSampleSizeAgree() {
        // n = 1000, 1% failure: eps = sqrt(ln(2000 / 0.01) / (2 (k-1)))
        assertThat(Betweenness.errorBound(1000, 1001, 0.01))
                .isCloseTo(Math.sqrt(Math.log(200_000) / 2000), within(1e-12));
        int k = Betweenness.samplesFor(1000, 0.05, 0.01);
        assertThat(Betweenness.errorBound(1000, k, 0.01)).isLessThanOrEqualTo(0.05);
        assertThat(Betweenness.errorBound(1000, k - 1, 0.01)).isGreaterThan(0.05);
        assertThatThrownBy(() -> Betweenness.errorBound(10, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Betweenness.samplesFor(10, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
