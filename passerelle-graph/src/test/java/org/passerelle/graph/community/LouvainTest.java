package org.passerelle.graph.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class LouvainTest {
    private static final Graph KARATE = TestGraphs.karate();

    @Test
    void inputOrderOnKarateClub() {
        Partition p = Louvain.detect(KARATE);

        // The same split NetworkX's louvain_communities reaches for several seeds (modularity 0.4188).
        assertThat(p.members()).containsExactly(
                List.of(0, 1, 2, 3, 7, 9, 11, 12, 13, 17, 19, 21),
                List.of(4, 5, 6, 10, 16),
                List.of(8, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33),
                List.of(23, 24, 25, 27, 28, 31));
        assertThat(Modularity.of(KARATE, p)).isCloseTo(0.4188034188034188, within(1e-12));
    }

    @Test
    void bestOverSeedsReachesTheKnownOptimum() {
        double best = LongStream.range(0, 20).mapToDouble(seed -> Modularity.of(KARATE, Louvain.detect(KARATE, seed)))
                .max().orElseThrow();
        assertThat(best).isCloseTo(0.4198, within(1e-4));
        assertThat(Louvain.detect(KARATE, 4)).isEqualTo(ModularityTest.partition(34, ModularityTest.KARATE_OPTIMUM));
    }

    @Test
    void everySeedFindsAGoodSplit() {
        for (long seed = 0; seed < 20; seed++) {
            Partition p = Louvain.detect(KARATE, seed);
            assertThat(Modularity.of(KARATE, p)).as("seed %d", seed).isBetween(0.39, 0.4198 + 1e-4);
            assertThat(p.count()).isEqualTo(4);
        }
    }

    @Test
    void deterministicForASeedAndForInputOrder() {
        assertThat(Louvain.detect(KARATE, 11)).isEqualTo(Louvain.detect(KARATE, 11));
        assertThat(Louvain.detect(KARATE)).isEqualTo(Louvain.detect(KARATE));
    }

    @Test
    void separatesTwoCliquesJoinedByOneEdge() {
        Graph g = TestGraphs.barbell();
        Partition p = Louvain.detect(g);
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.communityOf(0)).isEqualTo(p.communityOf(3)).isNotEqualTo(p.communityOf(8));
        assertThat(p.communityOf(6)).isEqualTo(p.communityOf(8));
    }

    @Test
    void weightsDecideWhichSideABridgeJoins() {
        // a triangle {a,b,c} and a triangle {d,e,f}; x hangs between c (weight 1) and d (weight 10)
        GraphBuilder builder = new GraphBuilder(false, true);
        String[][] links = {{"a", "b"}, {"b", "c"}, {"a", "c"}, {"d", "e"}, {"e", "f"}, {"d", "f"}};
        for (String[] link : links) {
            builder.addLink(link[0], link[1], 5);
        }
        builder.addLink("x", "c", 1).addLink("x", "d", 10);
        Graph g = builder.build();

        Partition p = Louvain.detect(g);
        assertThat(p.communityOf(g.indexOf("x"))).isEqualTo(p.communityOf(g.indexOf("d")));
        assertThat(p.communityOf(g.indexOf("a"))).isNotEqualTo(p.communityOf(g.indexOf("d")));
    }

    @Test
    void directedGraphsUseTheirUndirectedView() {
        Graph directed = TestGraphs.directed(9, new int[][] {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {3, 1}, {2, 3},
            {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 5}, {8, 5}, {8, 6}, {8, 7}});
        assertThat(Louvain.detect(directed)).isEqualTo(Louvain.detect(directed.undirected()));
    }

    @Test
    void edgelessGraphsKeepEveryoneApart() {
        assertThat(Louvain.detect(TestGraphs.undirected(3)).count()).isEqualTo(3);
        assertThat(Louvain.detect(GraphBuilder.undirected().build()).count()).isZero();
    }

    @Test
    void higherResolutionGivesSmallerCommunities() {
        assertThat(Louvain.detect(KARATE, null, 3.0).count()).isGreaterThan(Louvain.detect(KARATE).count());
    }
}
