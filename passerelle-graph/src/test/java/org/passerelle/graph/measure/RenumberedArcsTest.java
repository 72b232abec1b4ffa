package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;

class RenumberedArcsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void isARenumberingOfTheSameArcs(long seed) {
        // sparse enough to leave several components and isolated nodes
        Graph g = TestGraphs.random(60, 0.03, seed, seed % 2 == 0);
        RenumberedArcs arcs = RenumberedArcs.of(g);

        assertThat(arcs.nodeCount()).isEqualTo(g.nodeCount());
        Set<Integer> images = new HashSet<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(arcs.original(arcs.renumbered(v))).isEqualTo(v);
            images.add(arcs.renumbered(v));
        }
        assertThat(images).hasSize(g.nodeCount());

        Set<Long> expected = new HashSet<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                expected.add(pair(u, g.target(a)));
            }
        }
        Set<Long> actual = new HashSet<>();
        for (int i = 0; i < arcs.nodeCount(); i++) {
            for (int a = arcs.offsets[i]; a < arcs.offsets[i + 1]; a++) {
                if (a > arcs.offsets[i]) {
                    assertThat(arcs.targets[a]).isGreaterThan(arcs.targets[a - 1]);
                }
                actual.add(pair(arcs.original(i), arcs.original(arcs.targets[a])));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(arcs.offsets[arcs.nodeCount()]).isEqualTo(expected.size());
    }

    @Test
    void startsFromTheHubAndNumbersItsNeighboursNext() {
        // star centre 0 with 4 leaves, then a path 5-6-7 whose middle has the highest degree of its component
        Graph g = TestGraphs.undirected(8, new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {5, 6}, {6, 7}});
        RenumberedArcs arcs = RenumberedArcs.of(g);

        int[] order = new int[8];
        for (int i = 0; i < 8; i++) {
            order[i] = arcs.original(i);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 6, 5, 7);
    }

    private static long pair(int u, int v) {
        return (long) u << 32 | v;
    }
}
