package org.passerelle.graph;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.passerelle.graph.io.GraphFormat;
import org.passerelle.graph.io.GraphReader;

/** Small graphs with known answers, and the CAVIAR phases, for the tests. Nodes are labelled "0", "1", …. */
public final class TestGraphs {
    /** Zachary's karate club (34 members, 78 friendships), as in NetworkX's {@code karate_club_graph}. */
    public static final int[][] KARATE_EDGES = {
        {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13},
        {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30},
        {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6},
        {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32},
        {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33},
        {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29},
        {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33},
        {32, 33}};

    private TestGraphs() {
    }

    /** An undirected, unweighted graph on nodes 0..n-1 with the given edges. */
    public static Graph undirected(int n, int[]... edges) {
        return of(false, n, edges);
    }

    public static Graph directed(int n, int[]... edges) {
        return of(true, n, edges);
    }

    private static Graph of(boolean directed, int n, int[]... edges) {
        GraphBuilder builder = new GraphBuilder(directed, false);
        for (int v = 0; v < n; v++) {
            builder.addNode(Integer.toString(v));
        }
        for (int[] e : edges) {
            builder.addLink(Integer.toString(e[0]), Integer.toString(e[1]), 1.0);
        }
        return builder.build();
    }

    /** An undirected weighted graph; each edge is {@code {u, v, weight}}. */
    public static Graph weighted(int n, double[]... edges) {
        GraphBuilder builder = new GraphBuilder(false, true);
        for (int v = 0; v < n; v++) {
            builder.addNode(Integer.toString(v));
        }
        for (double[] e : edges) {
            builder.addLink(Integer.toString((int) e[0]), Integer.toString((int) e[1]), e[2]);
        }
        return builder.build();
    }

    public static Graph path(int n) {
        int[][] edges = new int[Math.max(n - 1, 0)][];
        for (int i = 0; i + 1 < n; i++) {
            edges[i] = new int[] {i, i + 1};
        }
        return undirected(n, edges);
    }

    /** Node 0 in the centre, linked to 1..leaves. */
    public static Graph star(int leaves) {
        int[][] edges = new int[leaves][];
        for (int i = 0; i < leaves; i++) {
            edges[i] = new int[] {0, i + 1};
        }
        return undirected(leaves + 1, edges);
    }

    public static Graph cycle(int n) {
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            edges[i] = new int[] {i, (i + 1) % n};
        }
        return undirected(n, edges);
    }

    /** NetworkX's {@code barbell_graph(4, 1)}: cliques 0..3 and 5..8 joined through node 4. */
    public static Graph barbell() {
        return undirected(9, new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5},
            {5, 6}, {5, 7}, {5, 8}, {6, 7}, {6, 8}, {7, 8}});
    }

    public static Graph karate() {
        return undirected(34, KARATE_EDGES);
    }

    /** An Erdős–Rényi graph G(n, p), reproducible from its seed. */
    public static Graph random(int n, double p, long seed, boolean directed) {
        Random random = new Random(seed);
        GraphBuilder builder = new GraphBuilder(directed, false);
        for (int v = 0; v < n; v++) {
            builder.addNode(Integer.toString(v));
        }
        for (int u = 0; u < n; u++) {
            for (int v = directed ? 0 : u + 1; v < n; v++) {
                if (u != v && random.nextDouble() < p) {
                    builder.addLink(Integer.toString(u), Integer.toString(v), 1.0);
                }
            }
        }
        return builder.build();
    }

    /** A CAVIAR phase with the reference semantics (undirected, unweighted). */
    public static Graph caviar(int phase) {
        GraphBuilder builder = GraphBuilder.undirected();
        readCaviar(phase, builder);
        return builder.build();
    }

    /** All eleven CAVIAR phases together, phase 1 first. */
    public static Graph caviarUnion() {
        GraphBuilder builder = GraphBuilder.undirected();
        for (int phase = 1; phase <= 11; phase++) {
            readCaviar(phase, builder);
        }
        return builder.build();
    }

    public static void readCaviar(int phase, GraphBuilder builder) {
        String name = "phase" + phase + ".csv";
        try (Reader in = new InputStreamReader(
                TestGraphs.class.getResourceAsStream("/caviar/" + name), StandardCharsets.UTF_8)) {
            GraphReader.readInto(in, name, GraphFormat.MATRIX, builder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
