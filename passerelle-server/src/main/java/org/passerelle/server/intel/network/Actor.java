package org.passerelle.server.intel.network;

/** One actor of an analysed network with its measures, as the key-actors table shows it. */
public record Actor(String label, String kind, int degree, double betweenness, double closeness, double pagerank,
        int core, int community, boolean cutPoint) {

    /** The value of a measure by its name (degree, betweenness, closeness, pagerank). */
    public double measure(String name) {
        return switch (name) {
            case "degree" -> degree;
            case "closeness" -> closeness;
            case "pagerank" -> pagerank;
            default -> betweenness;
        };
    }
}
