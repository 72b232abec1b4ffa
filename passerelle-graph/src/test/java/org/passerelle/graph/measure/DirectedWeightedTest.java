package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;

/**
 * A directed weighted graph against NetworkX 3.6.1, where weights are lengths for paths and strengths for
 * PageRank and eigenvector centrality ({@code weight='weight'} / {@code distance='weight'}).
 */
class DirectedWeightedTest {
    private static final Graph G = build();

    private static Graph build() {
        double[][] arcs = {{0, 1, 2.0}, {1, 2, 1.0}, {2, 0, 1.5}, {0, 2, 4.0}, {2, 3, 1.0}, {3, 4, 2.0},
            {4, 2, 0.5}, {5, 3, 3.0}};
        GraphBuilder builder = new GraphBuilder(true, true);
        for (int v = 0; v < 6; v++) {
            builder.addNode(Integer.toString(v));
        }
        for (double[] a : arcs) {
            builder.addLink(Integer.toString((int) a[0]), Integer.toString((int) a[1]), a[2]);
        }
        return builder.build();
    }

    @Test
    void pageRank() {
        assertThat(PageRank.compute(G)).containsExactly(new double[] {
            0.2053147192, 0.0831728550, 0.3535610696, 0.1664598128, 0.1664915433, 0.025}, within(1e-9));
    }

    @Test
    void betweenness() {
        assertThat(Betweenness.exact(G)).containsExactly(new double[] {0.2, 0.15, 0.6, 0.35, 0.3, 0}, within(1e-9));
    }

    @Test
    void closenessAndHarmonic() {
        assertThat(Closeness.closeness(G)).containsExactly(new double[] {
            0.2941176471, 0.2040816327, 0.4, 0.4347826087, 0.25, 0}, within(1e-9));
        assertThat(Closeness.harmonic(G)).containsExactly(new double[] {
            1.9595238095, 1.3134920635, 3.9151515152, 2.75, 1.45, 0}, within(1e-9));
    }

    @Test
    void eigenvector() {
        assertThat(EigenvectorCentrality.compute(G)).containsExactly(new double[] {
            0.4250166049, 0.3111335203, 0.7741113427, 0.2833444603, 0.2074231521, 1.3e-09}, within(1e-9));
    }
}
