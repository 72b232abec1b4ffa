package org.passerelle.graph.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class ModularityTest {
    /** The karate club's best known split (Brandes et al. 2008), modularity 0.4198. */
    static final List<List<Integer>> KARATE_OPTIMUM = List.of(
            List.of(0, 1, 2, 3, 7, 11, 12, 13, 17, 19, 21),
            List.of(4, 5, 6, 10, 16),
            List.of(8, 9, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33),
            List.of(23, 24, 25, 27, 28, 31));

    /** Newman's leading-eigenvector bisection of the karate club, modularity 0.3715. */
    static final List<Integer> KARATE_SPECTRAL_HALF = List.of(0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 16, 17, 19, 21);

    static Partition partition(int n, List<List<Integer>> communities) {
        int[] labels = new int[n];
        for (int c = 0; c < communities.size(); c++) {
            for (int v : communities.get(c)) {
                labels[v] = c;
            }
        }
        return new Partition(labels);
    }

    @Test
    void karateBestSplit() {
        assertThat(Modularity.of(TestGraphs.karate(), partition(34, KARATE_OPTIMUM)))
                .isCloseTo(0.4198, within(1e-4))
                .isCloseTo(0.41978961209730437, within(1e-12));
    }

    @Test
    void karateTwoCommunitySplit() {
        int[] labels = new int[34];
        Arrays.fill(labels, 1);
        KARATE_SPECTRAL_HALF.forEach(v -> labels[v] = 0);
        assertThat(Modularity.of(TestGraphs.karate(), new Partition(labels)))
                .isCloseTo(0.3715, within(1e-4))
                .isCloseTo(0.37146614069691, within(1e-12));
    }

    @Test
    void oneCommunityHasModularityZeroAndSingletonsNegative() {
        Graph g = TestGraphs.karate();
        assertThat(Modularity.of(g, new Partition(new int[34]))).isCloseTo(0, within(1e-12));
        int[] singletons = new int[34];
        Arrays.setAll(singletons, v -> v);
        double expected = 0;
        for (int v = 0; v < 34; v++) {
            expected -= Math.pow(g.degree(v) / (2.0 * 78), 2);
        }
        assertThat(Modularity.of(g, new Partition(singletons))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void directedFormula() {
        // NetworkX: modularity(D, [{0, 1, 2}, {3, 4}]) for arcs 0->1, 1->2, 2->0, 2->3, 4->3
        Graph g = TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});
        // inside: 3 arcs + 1 arc; out/in strengths {4, 1} and {3, 2}: 4/5 - (4*3 + 1*2)/25
        assertThat(Modularity.of(g, new Partition(new int[] {0, 0, 0, 1, 1})))
                .isCloseTo(0.8 - 14.0 / 25, within(1e-12));
    }

    @Test
    void resolutionAndUndefinedCases() {
        Graph g = TestGraphs.karate();
        Partition optimum = partition(34, KARATE_OPTIMUM);
        assertThat(Modularity.of(g, optimum, 0.0)).isCloseTo(
                Modularity.of(g, optimum) + sumOfSquaredShares(g, optimum), within(1e-12));
        assertThat(Modularity.of(TestGraphs.undirected(3), new Partition(new int[3]))).isNaN();
        assertThatThrownBy(() -> Modularity.of(g, new Partition(new int[3]))).hasMessageContaining("3 nodes");
    }

    private static double sumOfSquaredShares(Graph g, Partition p) {
        double[] strength = new double[p.count()];
        for (int v = 0; v < g.nodeCount(); v++) {
            strength[p.communityOf(v)] += g.degree(v);
        }
        return Arrays.stream(strength).map(s -> Math.pow(s / (2.0 * g.edgeCount()), 2)).sum();
    }

    @Test
    void partitionsAreNumberedByFirstAppearance() {
        Partition p = new Partition(new int[] {7, 3, 7, 0});
        assertThat(p.communities()).containsExactly(0, 1, 0, 2);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.members()).containsExactly(List.of(0, 2), List.of(1), List.of(3));
        assertThat(p).isEqualTo(new Partition(new int[] {1, 2, 1, 5})).hasSameHashCodeAs(new Partition(new int[] {1, 2, 1, 5}));
        assertThatThrownBy(() -> new Partition(new int[] {-1})).isInstanceOf(IllegalArgumentException.class);
    }
}
