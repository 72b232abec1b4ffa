package org.passerelle.graph.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.passerelle.graph.Graph;
import org.passerelle.graph.community.Louvain;
import org.passerelle.graph.community.Modularity;
import org.passerelle.graph.community.Partition;
import org.passerelle.graph.measure.Betweenness;
import org.passerelle.graph.measure.Closeness;
import org.passerelle.graph.measure.CollectiveInfluence;
import org.passerelle.graph.measure.Components;
import org.passerelle.graph.measure.CoreNumbers;
import org.passerelle.graph.measure.CutStructure;
import org.passerelle.graph.measure.Degree;
import org.passerelle.graph.measure.EigenvectorCentrality;
import org.passerelle.graph.measure.NotConvergedException;
import org.passerelle.graph.measure.PageRank;

/**
 * Every measure of a graph at once, as an analyst's report needs them. Measures follow the graph's own semantics
 * (directed or not, weighted or not); those that only make sense without directions (cut points, communities,
 * collective influence) use its undirected view. An iterative measure that does not converge is left out
 * ({@code null}) with a warning rather than failing the whole report.
 *
 * @param eigenvector {@code null} when the power iteration did not converge
 * @param pagerank    {@code null} when the power iteration did not converge
 * @param modularity  modularity of {@code communities} on the undirected view (NaN without edges)
 */
public record NetworkAnalysis(
        Graph graph,
        int[] degree,
        double[] degreeCentrality,
        double[] betweenness,
        double[] closeness,
        double[] harmonic,
        double[] eigenvector,
        double[] pagerank,
        double[] collectiveInfluence,
        int[] coreNumber,
        Components components,
        CutStructure cuts,
        Partition communities,
        double modularity,
        List<String> warnings) {

    public static NetworkAnalysis of(Graph graph) {
        List<String> warnings = new ArrayList<>();
        Partition communities = Louvain.detect(graph);
        return new NetworkAnalysis(
                graph,
                Degree.degrees(graph),
                Degree.centrality(graph),
                Betweenness.exact(graph),
                Closeness.closeness(graph),
                Closeness.harmonic(graph),
                converged(EigenvectorCentrality::compute, graph, warnings),
                converged(PageRank::compute, graph, warnings),
                CollectiveInfluence.compute(graph),
                CoreNumbers.compute(graph),
                Components.of(graph),
                CutStructure.of(graph),
                communities,
                Modularity.of(graph.undirected(), communities),
                List.copyOf(warnings));
    }

    private static double[] converged(Function<Graph, double[]> measure, Graph graph,
                                      List<String> warnings) {
        try {
            return measure.apply(graph);
        } catch (NotConvergedException notConverged) {
            warnings.add(notConverged.getMessage());
            return null;
        }
    }

    public int maxCore() {
        return Arrays.stream(coreNumber).max().orElse(0);
    }
}
