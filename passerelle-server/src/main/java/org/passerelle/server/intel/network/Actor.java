package org.passerelle.server.intel.network;

/** One actor of an analysed network with its measures, as the key-actors table shows it. */
public record Actor(String label, String kind, int degree, double betweenness, double closeness, double pagerank,
        int core, int community, boolean cutPoint) {
}
