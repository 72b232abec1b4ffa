package org.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GraphTest {
    @Test
    void undirectedUnweightedByDefaultWithAnEdgeWhereEitherDirectionHasALink() {
        Graph g = GraphBuilder.undirected()
                .addLink("a", "b", 3)
                .addLink("b", "a", 2)
                .addLink("c", "a", 1)
                .addLink("c", "c", 5)
                .build();

        assertThat(g.directed()).isFalse();
        assertThat(g.weighted()).isFalse();
        assertThat(g.labels()).containsExactly("a", "b", "c");
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(neighbours(g, "a")).containsExactly("b", "c");
        assertThat(neighbours(g, "c")).containsExactly("a");
        assertThat(g.weight(g.arc(0, 1))).isEqualTo(1.0);
    }

    @Test
    void weightedUndirectedAddsBothDirections() {
        Graph g = new GraphBuilder(false, true).addLink("a", "b", 3).addLink("b", "a", 2).build();

        assertThat(g.weight(g.arc(0, 1))).isEqualTo(5.0);
        assertThat(g.weight(g.arc(1, 0))).isEqualTo(5.0);
    }

    @Test
    void directedKeepsArcsAndTheirWeightsApart() {
        Graph g = new GraphBuilder(true, true)
                .addLink("a", "b", 3).addLink("b", "a", 2).addLink("a", "b", 1).addLink("c", "b", 4)
                .build();

        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.weight(g.arc(0, 1))).isEqualTo(4.0);
        assertThat(g.weight(g.arc(1, 0))).isEqualTo(2.0);
        assertThat(g.arc(1, 2)).isEqualTo(-1);
        assertThat(g.outDegree(1)).isEqualTo(1);
        assertThat(g.inDegree(1)).isEqualTo(2);
        assertThat(g.degree(1)).isEqualTo(3);
        List<String> callers = new ArrayList<>();
        for (int a = g.inStart(1); a < g.inEnd(1); a++) {
            callers.add(g.label(g.source(a)) + "=" + g.inWeight(a));
        }
        assertThat(callers).containsExactly("a=4.0", "c=4.0");
    }

    @Test
    void zeroWeightLinkAddsActorsButNoEdge() {
        Graph g = GraphBuilder.undirected().addLink("a", "b", 0).build();

        assertThat(g.nodeCount()).isEqualTo(2);
        assertThat(g.edgeCount()).isZero();
    }

    @Test
    void rejectsNegativeAndNonFiniteWeightsAndEmptyLabels() {
        GraphBuilder builder = GraphBuilder.undirected();
        assertThatThrownBy(() -> builder.addLink("a", "b", -1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> builder.addLink("a", "b", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addLink("a", "b", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addNode("")).hasMessageContaining("non-empty");
    }

    @Test
    void labelsAreKeptAsWrittenAndLookedUp() {
        Graph g = GraphBuilder.undirected().addLink(" N01", "n01", 1).addLink("Ahmed El Idrissi", "أحمد", 1).build();

        assertThat(g.labels()).containsExactly(" N01", "n01", "Ahmed El Idrissi", "أحمد");
        assertThat(g.indexOf("أحمد")).isEqualTo(3);
        assertThat(g.indexOf("N01")).isEqualTo(-1);
        assertThatThrownBy(() -> g.requireIndex("nobody")).hasMessageContaining("'nobody'");
    }

    @Test
    void buildsFromTypedEntitiesAndLinks() {
        Graph g = GraphBuilder.of(true, true,
                List.of(new Entity("Karim", EntityKind.PERSON), new Entity("+212600000000", EntityKind.PHONE)),
                List.of(new Link("Karim", "+212600000000", 2), new Link("+212600000000", "Go-fast 1")));

        assertThat(g.labels()).containsExactly("Karim", "+212600000000", "Go-fast 1");
        assertThat(g.kind(0)).isEqualTo(EntityKind.PERSON);
        assertThat(g.kind(1)).isEqualTo(EntityKind.PHONE);
        assertThat(g.kind(2)).isNull();
        assertThat(g.weight(g.arc(1, 2))).isEqualTo(1.0);
    }

    @Test
    void undirectedViewMergesDirections() {
        Graph g = new GraphBuilder(true, true).addLink("a", "b", 3).addLink("b", "a", 2).addLink("b", "c", 1).build();
        Graph u = g.undirected();

        assertThat(u.directed()).isFalse();
        assertThat(u.edgeCount()).isEqualTo(2);
        assertThat(u.weight(u.arc(0, 1))).isEqualTo(5.0);
        assertThat(u.weight(u.arc(2, 1))).isEqualTo(1.0);
        assertThat(GraphBuilder.undirected().build().undirected()).isNotNull();
    }

    @Test
    void inducedSubgraphKeepsInputOrderAndInnerEdges() {
        Graph g = TestGraphs.cycle(5);
        Graph sub = g.induced(new int[] {0, 1, 3, 4});

        assertThat(sub.labels()).containsExactly("0", "1", "3", "4");
        assertThat(sub.edgeCount()).isEqualTo(3); // 0-1, 3-4, 4-0; edges through 2 are gone
        assertThat(neighbours(sub, "0")).containsExactly("1", "4");
        assertThatThrownBy(() -> g.induced(new int[] {3, 1})).hasMessageContaining("increasing");
    }

    @Test
    void neighboursAreSortedByInputOrder() {
        Graph g = GraphBuilder.undirected().addLink("hub", "c", 1).addLink("hub", "a", 1).addLink("b", "hub", 1).build();

        assertThat(neighbours(g, "hub")).containsExactly("c", "a", "b");
        assertThat(g.toString()).isEqualTo("undirected graph, 4 nodes, 3 edges");
    }

    private static List<String> neighbours(Graph g, String label) {
        int v = g.requireIndex(label);
        List<String> out = new ArrayList<>();
        for (int a = g.outStart(v); a < g.outEnd(v); a++) {
            out.add(g.label(g.target(a)));
        }
        return out;
    }
}
