package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class ComponentsTest {
    @Test
    void numbersComponentsByFirstActor() {
        Graph g = TestGraphs.undirected(7, new int[][] {{0, 5}, {1, 2}, {2, 3}, {4, 6}});
        Components components = Components.of(g);

        assertThat(components.componentOf()).containsExactly(0, 1, 1, 1, 2, 0, 2);
        assertThat(components.sizes()).containsExactly(2, 3, 2);
        assertThat(components.count()).isEqualTo(3);
        assertThat(components.largestSize()).isEqualTo(3);
        assertThat(components.connectedPairs()).isEqualTo(2 + 6 + 2);
    }

    @Test
    void directedGraphsAreWeaklyConnected() {
        Graph g = TestGraphs.directed(3, new int[][] {{0, 1}, {2, 1}});
        assertThat(Components.of(g).count()).isEqualTo(1);
    }

    @Test
    void emptyGraph() {
        Components none = Components.of(GraphBuilder.undirected().build());
        assertThat(none.count()).isZero();
        assertThat(none.largestSize()).isZero();
    }
}
