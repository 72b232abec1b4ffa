package org.passerelle.graph.community;

import java.util.Arrays;
import java.util.Random;

import org.passerelle.graph.Graph;

/**
 * Louvain community detection (Blondel et al., 2008), following NetworkX's {@code louvain_communities} step for
 * step: each level moves single nodes to the neighbouring community of best modularity gain until no move helps,
 * then merges each community into one node and starts again, until a level gains no more than
 * {@value #THRESHOLD} modularity. It runs on the undirected view; weights count as strengths.
 *
 * <p>Deterministic: without a seed, nodes are visited in input order at every level; with a seed, in an order
 * shuffled by {@link Random} with that seed. Among equal gains the neighbouring community met first wins, and a
 * node moves only for a strictly positive gain.
 */
public final class Louvain {
    /** Minimum modularity gain of a level for the next level to be tried (NetworkX's default). */
    public static final double THRESHOLD = 1e-7;

    private Louvain() {
    }

    /** Communities found visiting nodes in input order, resolution 1. */
    public static Partition detect(Graph graph) {
        return detect(graph, null, 1.0);
    }

    /** Communities found visiting nodes in the order shuffled by {@code seed}, resolution 1. */
    public static Partition detect(Graph graph, long seed) {
        return detect(graph, seed, 1.0);
    }

    /**
     * @param seed       {@code null} to visit nodes in input order
     * @param resolution above 1 favours smaller communities, below 1 larger ones
     */
    public static Partition detect(Graph graph, Long seed, double resolution) {
        Level level = Level.of(graph.undirected());
        int n = level.size();
        int[] communityOf = identity(n);
        if (level.totalWeight == 0) {
            return new Partition(communityOf);
        }
        Random random = seed == null ? null : new Random(seed);
        double modularity = level.modularity(identity(n), resolution);
        while (true) {
            int[] moved = level.moveNodes(random, resolution);
            Partition merged = new Partition(moved);
            for (int v = 0; v < n; v++) {
                communityOf[v] = merged.communityOf(communityOf[v]);
            }
            double next = level.modularity(merged.communities(), resolution);
            if (next - modularity <= THRESHOLD) {
                // as NetworkX: the level just made is kept, it only stops further aggregation
                return new Partition(communityOf);
            }
            modularity = next;
            level = level.aggregate(merged);
        }
    }

    private static int[] identity(int n) {
        int[] identity = new int[n];
        Arrays.setAll(identity, v -> v);
        return identity;
    }

    /**
     * The graph of one level: symmetric adjacency without self-loops, plus each node's self-loop weight (the
     * weight inside the community it stands for).
     */
    private static final class Level {
        private final int[] offsets;
        private final int[] adjacency;
        private final double[] weights;
        private final double[] selfLoop;
        private final double[] strength;
        private final double totalWeight;

        private Level(int[] offsets, int[] adjacency, double[] weights, double[] selfLoop) {
            this.offsets = offsets;
            this.adjacency = adjacency;
            this.weights = weights;
            this.selfLoop = selfLoop;
            int n = selfLoop.length;
            strength = new double[n];
            double twiceTotal = 0;
            for (int v = 0; v < n; v++) {
                double s = 2 * selfLoop[v];
                for (int a = offsets[v]; a < offsets[v + 1]; a++) {
                    s += weights[a];
                }
                strength[v] = s;
                twiceTotal += s;
            }
            totalWeight = twiceTotal / 2;
        }

        static Level of(Graph g) {
            int n = g.nodeCount();
            int[] offsets = new int[n + 1];
            for (int v = 0; v < n; v++) {
                offsets[v + 1] = g.outEnd(v);
            }
            int m = offsets[n];
            int[] adjacency = new int[m];
            double[] weights = new double[m];
            for (int a = 0; a < m; a++) {
                adjacency[a] = g.target(a);
                weights[a] = g.weight(a);
            }
            return new Level(offsets, adjacency, weights, new double[n]);
        }

        int size() {
            return selfLoop.length;
        }

        /** One Louvain pass: local moves until none helps; returns each node's community. */
        int[] moveNodes(Random random, double resolution) {
            int n = size();
            int[] community = identity(n);
            double[] communityStrength = strength.clone();
            int[] order = identity(n);
            if (random != null) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
            }
            double[] weightTo = new double[n];
            boolean[] seen = new boolean[n];
            int[] neighbours = new int[n];
            double m = totalWeight;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int u : order) {
                    int count = 0;
                    for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                        int c = community[adjacency[a]];
                        if (!seen[c]) {
                            seen[c] = true;
                            neighbours[count++] = c;
                        }
                        weightTo[c] += weights[a];
                    }
                    int current = community[u];
                    double k = strength[u];
                    communityStrength[current] -= k;
                    double removeCost = -weightTo[current] / m
                            + resolution * communityStrength[current] * k / (2 * m * m);
                    double bestGain = 0;
                    int best = current;
                    for (int i = 0; i < count; i++) {
                        int c = neighbours[i];
                        double gain = removeCost + weightTo[c] / m
                                - resolution * communityStrength[c] * k / (2 * m * m);
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = c;
                        }
                    }
                    communityStrength[best] += k;
                    if (best != current) {
                        community[u] = best;
                        moved = true;
                    }
                    for (int i = 0; i < count; i++) {
                        seen[neighbours[i]] = false;
                        weightTo[neighbours[i]] = 0;
                    }
                }
            }
            return community;
        }

        /** Modularity of this level's graph split by {@code community} (numbered from 0). */
        double modularity(int[] community, double resolution) {
            int n = size();
            double[] inside = new double[n];
            double[] total = new double[n];
            for (int u = 0; u < n; u++) {
                int c = community[u];
                total[c] += strength[u];
                inside[c] += selfLoop[u];
                for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                    if (community[adjacency[a]] == c) {
                        inside[c] += weights[a] / 2;
                    }
                }
            }
            double m = totalWeight;
            double q = 0;
            for (int c = 0; c < n; c++) {
                q += inside[c] / m - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m));
            }
            return q;
        }

        /** The next level: one node per community, links between communities summed, insides as self-loops. */
        Level aggregate(Partition partition) {
            int k = partition.count();
            double[] loops = new double[k];
            int[][] members = new int[k][];
            int[] sizes = new int[k];
            for (int v = 0; v < size(); v++) {
                sizes[partition.communityOf(v)]++;
            }
            for (int c = 0; c < k; c++) {
                members[c] = new int[sizes[c]];
                sizes[c] = 0;
            }
            for (int v = 0; v < size(); v++) {
                int c = partition.communityOf(v);
                members[c][sizes[c]++] = v;
                loops[c] += selfLoop[v];
            }
            int[] nextOffsets = new int[k + 1];
            int[] nextAdjacency = new int[adjacency.length];
            double[] nextWeights = new double[adjacency.length];
            double[] weightTo = new double[k];
            boolean[] seen = new boolean[k];
            int[] neighbours = new int[k];
            int arcs = 0;
            for (int c = 0; c < k; c++) {
                int count = 0;
                for (int u : members[c]) {
                    for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                        int d = partition.communityOf(adjacency[a]);
                        if (d == c) {
                            loops[c] += weights[a] / 2; // each inner edge is met from both ends
                        } else {
                            if (!seen[d]) {
                                seen[d] = true;
                                neighbours[count++] = d;
                            }
                            weightTo[d] += weights[a];
                        }
                    }
                }
                for (int i = 0; i < count; i++) {
                    int d = neighbours[i];
                    nextAdjacency[arcs] = d;
                    nextWeights[arcs++] = weightTo[d];
                    seen[d] = false;
                    weightTo[d] = 0;
                }
                nextOffsets[c + 1] = arcs;
            }
            return new Level(nextOffsets, Arrays.copyOf(nextAdjacency, arcs), Arrays.copyOf(nextWeights, arcs), loops);
        }
    }
}
