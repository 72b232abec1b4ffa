package org.passerelle.graph.disruption;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.passerelle.graph.Graph;
import org.passerelle.graph.measure.Betweenness;
import org.passerelle.graph.measure.Closeness;
import org.passerelle.graph.measure.CollectiveInfluence;
import org.passerelle.graph.measure.CutStructure;
import org.passerelle.graph.measure.Degree;
import org.passerelle.graph.measure.PageRank;

/** How the next actor to remove is chosen: the highest score of the graph as it stands. */
public enum DisruptionStrategy {
    /** Most direct contacts. */
    DEGREE("degree"),
    /** Highest exact normalised betweenness: the broker carrying most shortest paths. */
    BETWEENNESS("betweenness"),
    /** Highest closeness (Wasserman–Faust corrected). */
    CLOSENESS("closeness"),
    /** Highest PageRank (alpha 0.85). */
    PAGERANK("pagerank"),
    /** Highest collective influence CI_2 (Morone &amp; Makse). */
    COLLECTIVE_INFLUENCE("collective-influence"),
    /**
     * Borgatti's key player, greedy: the actor whose removal leaves the fewest connected pairs, i.e. maximises the
     * fragmentation of the graph.
     */
    KEY_PLAYER("key-player");

    private final String cliName;

    DisruptionStrategy(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    public static DisruptionStrategy fromCliName(String name) {
        for (DisruptionStrategy strategy : values()) {
            if (strategy.cliName.equalsIgnoreCase(name.trim())) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "', expected one of "
                + Arrays.stream(values()).map(DisruptionStrategy::cliName).collect(Collectors.joining(", ")));
    }

    /** Score of every node of {@code graph} (undirected); the highest is removed first. */
    double[] scores(Graph graph) {
        return switch (this) {
            case DEGREE -> Arrays.stream(Degree.degrees(graph)).asDoubleStream().toArray();
            case BETWEENNESS -> Betweenness.exact(graph);
            case CLOSENESS -> Closeness.closeness(graph);
            case PAGERANK -> PageRank.compute(graph);
            case COLLECTIVE_INFLUENCE -> CollectiveInfluence.compute(graph);
            case KEY_PLAYER -> {
                CutStructure cuts = CutStructure.of(graph);
                double[] fewerPairs = new double[graph.nodeCount()];
                for (int v = 0; v < fewerPairs.length; v++) {
                    fewerPairs[v] = -(double) cuts.connectedPairsWithout(v);
                }
                yield fewerPairs;
            }
        };
    }
}
