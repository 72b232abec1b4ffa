package org.passerelle.server.intel.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.graph.Entity;
import org.passerelle.graph.EntityKind;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.Link;
import org.passerelle.graph.disruption.Disruption;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.graph.path.KShortestPaths;
import org.passerelle.graph.report.NetworkAnalysis;

/**
 * What the network pages compute with the graph engine, from a slice's links: the measures of every actor, the
 * disruption curve, the shortest paths. No database and no Spring: the links come in, values go out.
 */
final class NetworkAnalyses {

    private NetworkAnalyses() {
    }

    /** Every measure of the slice's graph, its actors sorted by {@code measure}. */
    static NetworkView analyse(NetworkSummary network, NetworkSlice slice, List<NetworkLink> links,
            ActorMeasure measure, Set<String> without) {
        Graph graph = graph(links, without);
        NetworkAnalysis analysis = NetworkAnalysis.of(graph);
        List<Actor> actors = new ArrayList<>();
        for (int v = 0; v < graph.nodeCount(); v++) {
            actors.add(new Actor(graph.label(v), graph.kind(v).name(), analysis.degree()[v], analysis.betweenness()[v],
                    analysis.closeness()[v], analysis.pagerank() == null ? 0 : analysis.pagerank()[v],
                    analysis.coreNumber()[v], analysis.communities().communityOf(v), analysis.cuts().isArticulationPoint(v)));
        }
        // Stable sort: equal scores keep the order of first appearance, as the engine's rankings do.
        actors.sort(Comparator.comparingDouble((Actor actor) -> measure.of(actor)).reversed());
        List<NetworkView.Edge> edges = new ArrayList<>();
        Graph undirected = graph.undirected();
        for (int u = 0; u < undirected.nodeCount(); u++) {
            for (int arc = undirected.outStart(u); arc < undirected.outEnd(u); arc++) {
                if (u < undirected.target(arc)) {
                    edges.add(new NetworkView.Edge(undirected.label(u), undirected.label(undirected.target(arc))));
                }
            }
        }
        return new NetworkView(network, slice.from(), slice.to(), without, graph.nodeCount(), graph.edgeCount(),
                analysis.components().count(), analysis.components().largestSize(), analysis.communities().count(),
                analysis.modularity(), measure, actors, edges);
    }

    /** The disruption curve: actors removed one at a time or as a block, by a strategy, at most 50 steps. */
    static List<DisruptionStep> disrupt(List<NetworkLink> links, DisruptionStrategy strategy, DisruptionMode mode,
            int steps) {
        return Disruption.simulate(graph(links, Set.of()), strategy, mode, Math.max(0, Math.min(steps, 50)));
    }

    /**
     * Up to {@code k} (1 to 5) shortest paths between two actors, as lists of labels; empty when either actor is not
     * in the slice (the caller says which).
     */
    static Optional<List<List<String>>> paths(List<NetworkLink> links, String source, String target, int k) {
        Graph graph = graph(links, Set.of());
        if (graph.indexOf(source) < 0 || graph.indexOf(target) < 0) {
            return Optional.empty();
        }
        return Optional.of(KShortestPaths.between(graph, source, target, Math.max(1, Math.min(k, 5))).stream()
                .map(p -> p.labels(graph)).toList());
    }

    /** Whether {@code actor} is in the slice. */
    static boolean has(List<NetworkLink> links, String actor) {
        return links.stream().anyMatch(l -> l.source().equals(actor) || l.target().equals(actor));
    }

    /**
     * The slice as the engine's graph, undirected and unweighted as the analysis contract states, without the actors
     * in {@code without} (the network after planned arrests). Actors left with no link stay, isolated.
     */
    static Graph graph(List<NetworkLink> links, Set<String> without) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        List<Link> edges = new ArrayList<>();
        for (NetworkLink l : links) {
            if (!without.contains(l.source())) {
                entities.putIfAbsent(l.source(), new Entity(l.source(), EntityKind.valueOf(l.sourceKind())));
            }
            if (!without.contains(l.target())) {
                entities.putIfAbsent(l.target(), new Entity(l.target(), EntityKind.valueOf(l.targetKind())));
            }
            if (!without.contains(l.source()) && !without.contains(l.target())) {
                edges.add(new Link(l.source(), l.target(), l.weight()));
            }
        }
        return GraphBuilder.of(false, false, List.copyOf(entities.values()), edges);
    }
}
