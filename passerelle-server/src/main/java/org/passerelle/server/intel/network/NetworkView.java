package org.passerelle.server.intel.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A network analysed over a time slice: figures and every actor with its measures, sorted by {@code sortedBy}.
 *
 * @param from first day of the slice (inclusive), or null for the beginning
 * @param to last day of the slice (inclusive), or null for the end
 * @param without actors left out (the network after planned arrests)
 */
public record NetworkView(NetworkSummary network, LocalDate from, LocalDate to, Set<String> without, int nodes, int edges, int components,
        int largestComponent, int communities, double modularity, String sortedBy, List<Actor> actors,
        List<Edge> edgeList) {

    /** An edge of the slice between two actors, for the graph drawing. */
    public record Edge(String source, String target) {
    }
}
