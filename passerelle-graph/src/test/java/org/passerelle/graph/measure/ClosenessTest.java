package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class ClosenessTest {
    private static final double EPS = 1e-9;

    @Test
    void pathAndStar() {
        assertThat(Closeness.closeness(TestGraphs.path(5)))
                .containsExactly(new double[] {0.4, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.4}, within(EPS));
        assertThat(Closeness.closeness(TestGraphs.star(4)))
                .containsExactly(new double[] {1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}, within(EPS));
        assertThat(Closeness.harmonic(TestGraphs.star(4)))
                .containsExactly(new double[] {4, 2.5, 2.5, 2.5, 2.5}, within(EPS));
    }

    @Test
    void barbellAndCycleMatchNetworkx() {
        assertThat(Closeness.closeness(TestGraphs.barbell())).containsExactly(new double[] {
            0.4, 0.4, 0.4, 0.5333333333, 0.5714285714, 0.5333333333, 0.4, 0.4, 0.4}, within(1e-9));
        assertThat(Closeness.closeness(TestGraphs.cycle(6))).containsOnly(5.0 / 9);
    }

    @Test
    void disconnectedGraphUsesWassermanFaustCorrection() {
        // components {0,1,2} (a path), {3,4,5} (a triangle) and the isolated 6
        Graph g = TestGraphs.undirected(7, new int[][] {{0, 1}, {1, 2}, {3, 4}, {4, 5}, {3, 5}});

        assertThat(Closeness.closeness(g)).containsExactly(new double[] {
            2.0 / 9, 1.0 / 3, 2.0 / 9, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, within(EPS));
        assertThat(Closeness.closeness(g, false)).containsExactly(new double[] {
            2.0 / 3, 1, 2.0 / 3, 1, 1, 1, 0}, within(EPS));
        assertThat(Closeness.harmonic(g)).containsExactly(new double[] {1.5, 2, 1.5, 2, 2, 2, 0}, within(EPS));
    }

    @Test
    void directedUsesIncomingDistances() {
        Graph g = TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});

        assertThat(Closeness.closeness(g)).containsExactly(new double[] {
            1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5714285714, 0}, within(1e-9));
        assertThat(Closeness.harmonic(g)).containsExactly(new double[] {1.5, 1.5, 1.5, 2.8333333333, 0}, within(1e-9));
    }

    @Test
    void weightedUsesLengths() {
        Graph g = TestGraphs.weighted(5, new double[][] {
            {0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}, {2, 3, 0.5}, {1, 3, 2.5}, {3, 4, 1.0}});
        assertThat(Closeness.closeness(g)).containsExactly(new double[] {
            0.4444444444, 0.6666666667, 0.8, 0.7272727273, 0.4705882353}, within(1e-9));
    }

    @Test
    void karateClubMatchesNetworkx() {
        Graph g = TestGraphs.karate();
        double[] closeness = Closeness.closeness(g);
        double[] harmonic = Closeness.harmonic(g);
        assertThat(closeness[0]).isCloseTo(0.5689655172, within(1e-9));
        assertThat(closeness[33]).isCloseTo(0.55, within(1e-9));
        assertThat(closeness[16]).isCloseTo(0.2844827586, within(1e-9));
        assertThat(harmonic[0]).isCloseTo(23.1666666667, within(1e-9));
        assertThat(harmonic[16]).isCloseTo(11.1, within(1e-9));
    }

    @Test
    void equalsDefinitionOnRandomGraphs() {
        for (long seed = 0; seed < 20; seed++) {
            Graph g = TestGraphs.random(12, 0.2, seed, false);
            double[][] d = BruteForce.distances(g);
            double[] closeness = Closeness.closeness(g);
            double[] harmonic = Closeness.harmonic(g);
            int n = g.nodeCount();
            for (int v = 0; v < n; v++) {
                double total = 0;
                double inverse = 0;
                int reached = 0;
                for (int u = 0; u < n; u++) {
                    if (u != v && d[u][v] < Double.POSITIVE_INFINITY) {
                        total += d[u][v];
                        inverse += 1 / d[u][v];
                        reached++;
                    }
                }
                double expected = total == 0 ? 0 : reached / total * reached / (n - 1);
                assertThat(closeness[v]).isCloseTo(expected, within(EPS));
                assertThat(harmonic[v]).isCloseTo(inverse, within(EPS));
            }
        }
    }
}
