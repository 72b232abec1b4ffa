package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

/** Eigenvector centrality and PageRank against NetworkX 3.6.1. */
class SpectralMeasuresTest {
    private static final Graph DIRECTED =
            TestGraphs.directed(5, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 3}});
    private static final Graph WEIGHTED = TestGraphs.weighted(5, new double[][] {
        {0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}, {2, 3, 0.5}, {1, 3, 2.5}, {3, 4, 1.0}});

    @Test
    void eigenvectorOfKarateClub() {
        double[] x = EigenvectorCentrality.compute(TestGraphs.karate());
        assertThat(x[0]).isCloseTo(0.3554834942, within(1e-9));
        assertThat(x[33]).isCloseTo(0.3733712130, within(1e-9));
        assertThat(x[16]).isCloseTo(0.0236347943, within(1e-9));
        assertThat(Arrays.stream(x).map(v -> v * v).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void eigenvectorOfAStarConvergesDespiteBipartiteness() {
        double[] x = EigenvectorCentrality.compute(TestGraphs.star(4));
        // exact: centre 1/sqrt(2), each leaf 1/(2 sqrt(2)); the iteration stops within NetworkX's tolerance
        assertThat(x[0]).isCloseTo(Math.sqrt(0.5), within(1e-5));
        assertThat(x[1]).isCloseTo(Math.sqrt(0.5) / 2, within(1e-5));
    }

    @Test
    void eigenvectorDirectedScoresIncomingArcs() {
        assertThat(EigenvectorCentrality.compute(DIRECTED)).containsExactly(new double[] {
            0.49999934434847404, 0.49999934434847404, 0.49999934434847404, 0.5000019669494051,
            1.1920913323127604e-07}, within(1e-12));
    }

    @Test
    void eigenvectorWeighted() {
        assertThat(EigenvectorCentrality.compute(WEIGHTED)).containsExactly(new double[] {
            0.5252216965, 0.5024169856, 0.5530318567, 0.3957615973, 0.0961658239}, within(1e-9));
    }

    @Test
    void eigenvectorReportsNonConvergence() {
        assertThatThrownBy(() -> EigenvectorCentrality.compute(TestGraphs.karate(), 2, 1e-6))
                .isInstanceOf(NotConvergedException.class)
                .hasMessage("eigenvector centrality did not converge in 2 iterations");
        assertThat(EigenvectorCentrality.compute(GraphBuilder.undirected().build())).isEmpty();
    }

    @Test
    void pageRankOfKarateClub() {
        double[] pr = PageRank.compute(TestGraphs.karate());
        assertThat(pr[0]).isCloseTo(0.0970018176, within(1e-9));
        assertThat(pr[33]).isCloseTo(0.1009179167, within(1e-9));
        assertThat(pr[16]).isCloseTo(0.0167853781, within(1e-9));
        assertThat(Arrays.stream(pr).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void pageRankSpreadsDanglingNodesUniformly() {
        // node 3 has no outgoing arc
        double[] pr = PageRank.compute(DIRECTED);
        assertThat(pr).containsExactly(new double[] {
            0.1853312553, 0.2294254454, 0.2669064229, 0.2464419046, 0.0718949718}, within(1e-9));
        assertThat(Arrays.stream(pr).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void pageRankWeightsAreStrengths() {
        assertThat(PageRank.compute(WEIGHTED)).containsExactly(new double[] {
            0.2083765654, 0.2431776965, 0.2337238900, 0.2348219344, 0.0798999137}, within(1e-9));
    }

    @Test
    void pageRankOfIsolatedNodesIsUniform() {
        Graph g = TestGraphs.undirected(4);
        assertThat(PageRank.compute(g)).containsOnly(0.25);
        assertThatThrownBy(() -> PageRank.compute(TestGraphs.karate(), 0.85, 1, 1e-12))
                .isInstanceOf(NotConvergedException.class);
    }
}
