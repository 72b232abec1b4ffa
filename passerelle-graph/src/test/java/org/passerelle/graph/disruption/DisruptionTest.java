package org.passerelle.graph.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.graph.BruteForce;
import org.passerelle.graph.Graph;
import org.passerelle.graph.TestGraphs;
import org.passerelle.graph.measure.Components;

class DisruptionTest {
    @Test
    void stepZeroIsTheIntactGraph() {
        List<DisruptionStep> curve =
                Disruption.simulate(TestGraphs.barbell(), DisruptionStrategy.DEGREE, DisruptionMode.SEQUENTIAL, 0);
        assertThat(curve).containsExactly(new DisruptionStep(0, List.of(), 9, 1.0, 0.0));
    }

    @ParameterizedTest
    @EnumSource(DisruptionStrategy.class)
    void everyStrategyRemovesTheCentreOfAStarFirst(DisruptionStrategy strategy) {
        List<DisruptionStep> curve = Disruption.simulate(TestGraphs.star(4), strategy, DisruptionMode.SEQUENTIAL, 1);

        DisruptionStep step = curve.get(1);
        assertThat(step.removed()).containsExactly("0");
        assertThat(step.lccSize()).isEqualTo(1);
        assertThat(step.lccRatio()).isEqualTo(0.2);
        // four isolates left out of the original five: no pair connected
        assertThat(step.fragmentation()).isEqualTo(1.0);
    }

    @Test
    void sequentialBetweennessOnTheBarbell() {
        List<DisruptionStep> curve = Disruption.simulate(TestGraphs.barbell(), DisruptionStrategy.BETWEENNESS,
                DisruptionMode.SEQUENTIAL, 3);

        // The bar (4) first; then every betweenness is 0 in the two cliques, and the first actor (0) goes.
        assertThat(curve).extracting(DisruptionStep::removed)
                .containsExactly(List.of(), List.of("4"), List.of("0"), List.of("1"));
        assertThat(curve).extracting(DisruptionStep::lccSize).containsExactly(9, 4, 4, 4);
        // after removing 4: two cliques of 4 among the original 9 -> F = 1 - 24/72
        assertThat(curve.get(1).fragmentation()).isCloseTo(1 - 24.0 / 72, within(1e-12));
        // after removing 0 too: K3 + K4 -> 6 + 12 pairs
        assertThat(curve.get(2).fragmentation()).isCloseTo(1 - 18.0 / 72, within(1e-12));
    }

    @Test
    void blockRemovesTheIntactRankingsTopK() {
        List<DisruptionStep> curve = Disruption.simulate(TestGraphs.barbell(), DisruptionStrategy.BETWEENNESS,
                DisruptionMode.BLOCK, 3);

        // ranking of the intact graph: 4, then 3 and 5 tied (3 first in input order)
        assertThat(curve).extracting(DisruptionStep::removed)
                .containsExactly(List.of(), List.of("4"), List.of("4", "3"), List.of("4", "3", "5"));
        assertThat(curve).extracting(DisruptionStep::lccSize).containsExactly(9, 4, 4, 3);
        assertThat(curve.get(3).lccRatio()).isCloseTo(3.0 / 9, within(1e-12));
    }

    @Test
    void keyPlayerIsGreedyFragmentation() {
        for (long seed = 0; seed < 10; seed++) {
            Graph g = TestGraphs.random(20, 0.12, seed, false);
            List<DisruptionStep> curve =
                    Disruption.simulate(g, DisruptionStrategy.KEY_PLAYER, DisruptionMode.SEQUENTIAL, 5);
            assertThat(curve).extracting(DisruptionStep::removed).containsExactlyElementsOf(greedy(g, 5));
        }
    }

    /** Greedy key-player search by brute force: try every candidate, keep the first of the fewest pairs. */
    private static List<List<String>> greedy(Graph g, int steps) {
        List<List<String>> removed = new ArrayList<>(List.of(List.of()));
        Graph current = g;
        for (int step = 0; step < steps; step++) {
            int best = -1;
            long fewest = Long.MAX_VALUE;
            for (int v = 0; v < current.nodeCount(); v++) {
                long pairs = BruteForce.connectedPairsWithout(current, v);
                if (pairs < fewest) {
                    fewest = pairs;
                    best = v;
                }
            }
            removed.add(List.of(current.label(best)));
            current = current.induced(BruteForce.allBut(current.nodeCount(), best));
        }
        return removed;
    }

    @ParameterizedTest
    @EnumSource(DisruptionStrategy.class)
    void fragmentationNeverDecreasesAndRatiosMatchSizes(DisruptionStrategy strategy) {
        Graph g = TestGraphs.karate();
        for (DisruptionMode mode : DisruptionMode.values()) {
            List<DisruptionStep> curve = Disruption.simulate(g, strategy, mode, 40);
            assertThat(curve).hasSize(35);
            assertThat(curve.getLast().lccSize()).isZero();
            assertThat(curve.getLast().fragmentation()).isEqualTo(1.0);
            for (int i = 1; i < curve.size(); i++) {
                DisruptionStep step = curve.get(i);
                assertThat(step.fragmentation()).isGreaterThanOrEqualTo(curve.get(i - 1).fragmentation() - 1e-12);
                assertThat(step.lccRatio()).isCloseTo(step.lccSize() / 34.0, within(1e-12));
                assertThat(step.removed()).hasSize(mode == DisruptionMode.BLOCK ? i : 1);
            }
        }
    }

    @Test
    void collectiveInfluenceTargetsHubsOverBridges() {
        // two hubs joined through a bridge node: CI_2 rates the hubs (6 each) over the bridge (0); first hub first
        Graph g = TestGraphs.undirected(8, new int[][] {{0, 1}, {0, 2}, {0, 3}, {3, 4}, {4, 5}, {4, 6}, {4, 7}});
        List<DisruptionStep> curve =
                Disruption.simulate(g, DisruptionStrategy.COLLECTIVE_INFLUENCE, DisruptionMode.BLOCK, 2);
        assertThat(curve.get(2).removed()).containsExactly("0", "4");
    }

    @Test
    void directedGraphsAreDisruptedOnTheirUndirectedView() {
        Graph directed = TestGraphs.directed(5, new int[][] {{1, 0}, {2, 0}, {3, 0}, {0, 4}});
        List<DisruptionStep> curve =
                Disruption.simulate(directed, DisruptionStrategy.DEGREE, DisruptionMode.SEQUENTIAL, 1);
        assertThat(curve.get(0).lccSize()).isEqualTo(5);
        assertThat(curve.get(1).removed()).containsExactly("0");
    }

    @Test
    void fragmentationUsesTheOriginalNodeCount() {
        Graph g = TestGraphs.undirected(4, new int[][] {{0, 1}, {2, 3}});
        assertThat(Disruption.fragmentation(Components.of(g), 4)).isCloseTo(1 - 4.0 / 12, within(1e-12));
        assertThat(Disruption.fragmentation(Components.of(g), 1)).isZero();
    }

    @Test
    void rejectsNegativeStepsAndParsesNames() {
        assertThatThrownBy(() -> Disruption.simulate(TestGraphs.path(3), DisruptionStrategy.DEGREE,
                DisruptionMode.BLOCK, -1)).hasMessage("steps must be >= 0, got -1");
        assertThat(DisruptionStrategy.fromCliName("collective-influence"))
                .isEqualTo(DisruptionStrategy.COLLECTIVE_INFLUENCE);
        assertThat(DisruptionStrategy.fromCliName("Key-Player")).isEqualTo(DisruptionStrategy.KEY_PLAYER);
        assertThat(DisruptionMode.fromCliName("block")).isEqualTo(DisruptionMode.BLOCK);
        assertThatThrownBy(() -> DisruptionStrategy.fromCliName("random")).hasMessage(
                "unknown strategy 'random', expected one of degree, betweenness, closeness, pagerank, "
                        + "collective-influence, key-player");
        assertThatThrownBy(() -> DisruptionMode.fromCliName("all")).hasMessageContaining("sequential, block");
    }
}
