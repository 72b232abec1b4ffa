package org.passerelle.graph.measure;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.passerelle.graph.Graph;
import org.passerelle.graph.path.DistanceSearch;

/**
 * Betweenness centrality (Brandes, 2001): the share of shortest paths between other actors that run through an
 * actor, i.e. how much of a network's traffic a broker controls.
 *
 * <p>Values follow NetworkX's {@code betweenness_centrality} (endpoints excluded): normalised values divide by
 * {@code (n-1)(n-2)}, the number of ordered pairs of other nodes, for directed and undirected graphs alike; raw
 * values count each unordered pair once when undirected. Shortest paths use BFS when unweighted and Dijkstra
 * (weights as lengths) when weighted.
 *
 * <p>The exact computation runs one Brandes search per source, spread over the cores with a parallel stream; each
 * worker accumulates into its own array and the arrays are added at the end, so no source ever waits on a lock.
 * Sums are then made in an order that depends on the split, so two runs may differ in the last bits; that is why
 * {@link Ranking} treats near-equal scores as ties.
 *
 * <p>Unweighted graphs (every graph the {@code network} command reads, directed or not) take a faster path
 * ({@code BfsAccumulator}): the graph is renumbered for cache locality ({@link RenumberedArcs}) and each source costs
 * two passes over the arcs on bare {@code int} arrays, with no predecessor lists. Weighted graphs use Dijkstra
 * ({@code DijkstraAccumulator}).
 */
public final class Betweenness {
    private Betweenness() {
    }

    /** Exact normalised betweenness, computed in parallel. */
    public static double[] exact(Graph graph) {
        return exact(graph, true, true);
    }

    /**
     * Exact betweenness.
     *
     * @param normalized divide by {@code (n-1)(n-2)} (NetworkX {@code normalized=True})
     * @param parallel   spread the sources over the common fork-join pool
     */
    public static double[] exact(Graph graph, boolean normalized, boolean parallel) {
        int n = graph.nodeCount();
        double[] raw = accumulate(graph, IntStream.range(0, n), parallel);
        int pairs = n - 1; // NetworkX's N: the (s, t) pairs through v exclude v as an endpoint
        if (pairs < 2) {
            return raw;
        }
        double scale = normalized ? 1.0 / ((double) pairs * (pairs - 1)) : graph.directed() ? 1.0 : 0.5;
        for (int v = 0; v < n; v++) {
            raw[v] *= scale;
        }
        return raw;
    }

    /**
     * Normalised betweenness estimated from {@code k} sources drawn uniformly without replacement (NetworkX's
     * {@code k} and its rescaling): a node's estimate is the mean dependency on it of the sampled sources other than
     * itself, scaled to all sources. With {@code k >= n} every node is a source and the result is exact.
     *
     * <p><b>Error bound.</b> For a node {@code v}, each source {@code s != v} contributes a dependency
     * {@code delta_s(v) <= n-2}; dividing by {@code n-2} gives values in [0, 1] whose mean over all {@code n-1}
     * sources is exactly {@code v}'s normalised betweenness. The estimate is the mean of at least {@code k-1} of them
     * sampled without replacement, so by Hoeffding's inequality (which holds for sampling without replacement)
     * {@code P(|estimate - exact| >= eps) <= 2 exp(-2 (k-1) eps^2)}, and by a union bound over the {@code n} nodes
     * every node is within {@code eps} of its exact value with probability at least
     * {@code 1 - 2n exp(-2 (k-1) eps^2)}. See {@link #errorBound(int, int, double)} and
     * {@link #samplesFor(int, double, double)}.
     *
     * @param k    number of sources, at least 2
     * @param seed seed of the sampling, so that a run can be repeated
     */
    public static Estimate approximate(Graph graph, int k, long seed) {
        int n = graph.nodeCount();
        if (k < 2) {
            throw new IllegalArgumentException("approximate betweenness needs at least 2 sources, got " + k);
        }
        int samples = Math.min(k, n);
        int[] sources = sample(n, samples, seed);
        double[] values = accumulate(graph, IntStream.of(sources), true);
        if (n < 3) {
            return new Estimate(values, sources, n);
        }
        boolean[] sampled = new boolean[n];
        for (int s : sources) {
            sampled[s] = true;
        }
        // A source never depends on itself, so a sampled node is estimated from the other k-1 sources only.
        double sourceScale = 1.0 / ((double) (samples - 1) * (n - 2));
        double otherScale = 1.0 / ((double) samples * (n - 2));
        for (int v = 0; v < n; v++) {
            values[v] *= sampled[v] ? sourceScale : otherScale;
        }
        return new Estimate(values, sources, n);
    }

    /**
     * The {@code eps} such that, with {@code k} sampled sources, every node's estimated normalised betweenness is
     * within {@code eps} of the exact value with probability at least {@code 1 - failureProbability}:
     * {@code eps = sqrt(ln(2n / failureProbability) / (2 (k-1)))}.
     */
    public static double errorBound(int n, int k, double failureProbability) {
        if (k < 2 || !(failureProbability > 0 && failureProbability < 1)) {
            throw new IllegalArgumentException("need k >= 2 and 0 < failureProbability < 1");
        }
        return Math.sqrt(Math.log(2.0 * n / failureProbability) / (2.0 * (k - 1)));
    }

    /** The number of sources that {@link #errorBound} needs for an error under {@code epsilon}. */
    public static int samplesFor(int n, double epsilon, double failureProbability) {
        if (!(epsilon > 0) || !(failureProbability > 0 && failureProbability < 1)) {
            throw new IllegalArgumentException("need epsilon > 0 and 0 < failureProbability < 1");
        }
        return 1 + (int) Math.ceil(Math.log(2.0 * n / failureProbability) / (2.0 * epsilon * epsilon));
    }

    /**
     * Estimated normalised betweenness.
     *
     * @param values  the estimate per node
     * @param sources the sampled sources
     * @param n       number of nodes of the graph
     */
    public record Estimate(double[] values, int[] sources, int n) {
        /** Error every node stays under with probability {@code 1 - failureProbability}; 0 when exact. */
        public double errorBound(double failureProbability) {
            return sources.length >= n ? 0.0 : Betweenness.errorBound(n, sources.length, failureProbability);
        }
    }

    /** {@code k} distinct nodes out of {@code n}, by a partial Fisher–Yates shuffle. */
    private static int[] sample(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] nodes = IntStream.range(0, n).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = nodes[i];
            nodes[i] = nodes[j];
            nodes[j] = swap;
        }
        int[] chosen = new int[k];
        System.arraycopy(nodes, 0, chosen, 0, k);
        return chosen;
    }

    /** Raw dependencies summed over the given sources (each ordered pair counted once). */
    private static double[] accumulate(Graph graph, IntStream sources, boolean parallel) {
        IntStream stream = parallel ? sources.parallel() : sources.sequential();
        if (graph.weighted()) {
            return stream.collect(() -> new DijkstraAccumulator(graph), DijkstraAccumulator::addSource,
                    DijkstraAccumulator::merge).total;
        }
        RenumberedArcs arcs = RenumberedArcs.of(graph);
        double[] renumbered = stream.map(arcs::renumbered)
                .collect(() -> new BfsAccumulator(arcs), BfsAccumulator::addSource, BfsAccumulator::merge).total;
        double[] total = new double[renumbered.length];
        for (int i = 0; i < renumbered.length; i++) {
            total[arcs.original(i)] = renumbered[i];
        }
        return total;
    }

    /**
     * One worker's share on an unweighted graph: Brandes' two passes per source, written for speed on large sparse
     * graphs.
     *
     * <p>The forward pass is a breadth-first search that counts shortest paths as it goes ({@code sigma}). The
     * backward pass walks the reached nodes by decreasing distance and, instead of pushing each node's dependency
     * to its predecessors (which needs predecessor lists or a scan of in-arcs), pulls it from its successors, the
     * out-neighbours one level further: {@code delta(w) = sigma(w) * sum over successors x of (1 + delta(x)) /
     * sigma(x)}, the same sum as Brandes' regrouped per node. Each successor's {@code (1 + delta(x)) / sigma(x)} is
     * computed once, when {@code x} is done, and stored over {@code sigma(x)}, which nothing reads any more: a node
     * costs one {@code int} and one {@code double}, and the search reads only out-arcs, so directed graphs need no
     * in-arcs either.
     */
    private static final class BfsAccumulator {
        private final int[] offsets;
        private final int[] targets;
        private final int[] distance;
        /** Shortest-path counts, overwritten by {@code (1 + delta) / sigma} in the backward pass. */
        private final double[] sigma;
        private final int[] order;
        private final double[] total;

        BfsAccumulator(RenumberedArcs arcs) {
            offsets = arcs.offsets;
            targets = arcs.targets;
            int n = arcs.nodeCount();
            distance = new int[n];
            Arrays.fill(distance, -1);
            sigma = new double[n];
            order = new int[n];
            total = new double[n];
        }

        void addSource(int source) {
            distance[source] = 0;
            sigma[source] = 1;
            order[0] = source;
            int reached = 1;
            for (int head = 0; head < reached; head++) {
                int u = order[head];
                int next = distance[u] + 1;
                double paths = sigma[u];
                for (int a = offsets[u], end = offsets[u + 1]; a < end; a++) {
                    int v = targets[a];
                    int d = distance[v];
                    if (d < 0) {
                        distance[v] = next;
                        sigma[v] = paths;
                        order[reached++] = v;
                    } else if (d == next) {
                        sigma[v] += paths;
                    }
                }
            }
            // The source itself (order[0]) is an endpoint of every path it starts: it gets no dependency.
            for (int i = reached - 1; i > 0; i--) {
                int w = order[i];
                int next = distance[w] + 1;
                double sum = 0;
                for (int a = offsets[w], end = offsets[w + 1]; a < end; a++) {
                    int x = targets[a];
                    if (distance[x] == next) {
                        sum += sigma[x];
                    }
                }
                double delta = sigma[w] * sum;
                total[w] += delta;
                sigma[w] = (1 + delta) / sigma[w];
            }
            for (int i = 0; i < reached; i++) {
                distance[order[i]] = -1;
            }
        }

        void merge(BfsAccumulator other) {
            for (int v = 0; v < total.length; v++) {
                total[v] += other.total[v];
            }
        }
    }

    /** One worker's share on a weighted graph: its own Dijkstra search and its own running totals. */
    private static final class DijkstraAccumulator {
        private final Graph graph;
        private final DistanceSearch search;
        private final double[] sigma;
        private final double[] delta;
        private final double[] total;

        DijkstraAccumulator(Graph graph) {
            this.graph = graph;
            this.search = DistanceSearch.forward(graph);
            int n = graph.nodeCount();
            sigma = new double[n];
            delta = new double[n];
            total = new double[n];
        }

        /** Brandes' single-source pass: count shortest paths forwards, then back-propagate dependencies. */
        void addSource(int source) {
            int reached = search.run(source);
            for (int i = 0; i < reached; i++) {
                int w = search.reached(i);
                delta[w] = 0;
                if (i == 0) {
                    sigma[w] = 1;
                    continue;
                }
                double paths = 0;
                for (int a = graph.inStart(w); a < graph.inEnd(w); a++) {
                    if (isPredecessor(graph.source(a), w, a)) {
                        paths += sigma[graph.source(a)];
                    }
                }
                sigma[w] = paths;
            }
            for (int i = reached - 1; i > 0; i--) {
                int w = search.reached(i);
                double coefficient = (1 + delta[w]) / sigma[w];
                for (int a = graph.inStart(w); a < graph.inEnd(w); a++) {
                    int v = graph.source(a);
                    if (isPredecessor(v, w, a)) {
                        delta[v] += sigma[v] * coefficient;
                    }
                }
                total[w] += delta[w];
            }
        }

        /**
         * Whether {@code v} precedes {@code w} on a shortest path from the source, testing the in-arc {@code v -> w}.
         * The sum is the one the search made, so equal lengths compare equal exactly (as in NetworkX).
         */
        private boolean isPredecessor(int v, int w, int inArc) {
            return search.distance(v) + graph.inWeight(inArc) == search.distance(w);
        }

        void merge(DijkstraAccumulator other) {
            for (int v = 0; v < total.length; v++) {
                total[v] += other.total[v];
            }
        }
    }
}
