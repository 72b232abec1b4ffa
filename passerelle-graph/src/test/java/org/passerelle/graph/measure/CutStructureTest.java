package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class CutStructureTest {
    @Test
    void karateClubHasOneCutPointAndOneBridge() {
        CutStructure cuts = CutStructure.of(TestGraphs.karate());
        assertThat(cuts.articulationPoints()).containsExactly(0);
        assertThat(cuts.bridges()).containsExactly(new int[] {0, 11});
    }

    @Test
    void barbellIsHeldTogetherByItsBar() {
        CutStructure cuts = CutStructure.of(TestGraphs.barbell());
        assertThat(cuts.articulationPoints()).containsExactly(3, 4, 5);
        assertThat(cuts.bridges()).containsExactly(new int[] {3, 4}, new int[] {4, 5});
        // without node 4: two cliques of 4, 12 ordered pairs each
        assertThat(cuts.connectedPairsWithout(4)).isEqualTo(24);
        assertThat(cuts.connectedPairsWithout(0)).isEqualTo(8 * 7);
    }

    @Test
    void pathCycleAndStar() {
        assertThat(CutStructure.of(TestGraphs.path(4)).articulationPoints()).containsExactly(1, 2);
        assertThat(CutStructure.of(TestGraphs.path(4)).bridges()).hasSize(3);
        assertThat(CutStructure.of(TestGraphs.cycle(5)).articulationPoints()).isEmpty();
        assertThat(CutStructure.of(TestGraphs.cycle(5)).bridges()).isEmpty();
        CutStructure star = CutStructure.of(TestGraphs.star(3));
        assertThat(star.isArticulationPoint(0)).isTrue();
        assertThat(star.connectedPairsWithout(0)).isZero();
    }

    @Test
    void directedGraphsAreCutOnTheirUndirectedView() {
        Graph g = TestGraphs.directed(3, new int[][] {{0, 1}, {2, 1}});
        assertThat(CutStructure.of(g).articulationPoints()).containsExactly(1);
    }

    @Test
    void longChainsDoNotOverflowTheStack() {
        assertThat(CutStructure.of(TestGraphs.path(200_000)).articulationPoints()).hasSize(199_998);
    }

    @Test
    void equalsBruteForceOnRandomGraphs() {
        for (long seed = 0; seed < 40; seed++) {
            Graph g = TestGraphs.random(14, 0.12 + (seed % 5) * 0.04, seed, false);
            CutStructure cuts = CutStructure.of(g);
            long components = Components.of(g).count();
            for (int v = 0; v < g.nodeCount(); v++) {
                Graph without = g.induced(BruteForce.allBut(g.nodeCount(), v));
                boolean isolated = g.degree(v) == 0;
                // removing v splits its component iff more components remain (an isolated v just vanishes)
                boolean splits = Components.of(without).count() > components - (isolated ? 1 : 0);
                assertThat(cuts.isArticulationPoint(v)).as("seed %d node %d", seed, v).isEqualTo(splits);
                assertThat(cuts.connectedPairsWithout(v)).isEqualTo(BruteForce.connectedPairsWithout(g, v));
            }
            assertThat(cuts.bridges()).containsExactlyElementsOf(bruteForceBridges(g, components));
        }
    }

    private static List<int[]> bruteForceBridges(Graph g, long components) {
        List<int[]> bridges = new ArrayList<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                int v = g.target(a);
                if (u < v && Components.of(withoutEdge(g, u, v)).count() > components) {
                    bridges.add(new int[] {u, v});
                }
            }
        }
        return bridges;
    }

    private static Graph withoutEdge(Graph g, int x, int y) {
        GraphBuilder builder = GraphBuilder.undirected();
        g.labels().forEach(builder::addNode);
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                int v = g.target(a);
                if (u < v && !(u == x && v == y)) {
                    builder.addLink(g.label(u), g.label(v), 1);
                }
            }
        }
        return builder.build();
    }
}
