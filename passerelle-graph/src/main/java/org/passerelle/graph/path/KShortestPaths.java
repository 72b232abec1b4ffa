package org.passerelle.graph.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.passerelle.graph.Graph;

/**
 * The k shortest simple paths between two actors (Yen, 1971): the alternative routes a message or a shipment
 * could take once the best one is cut.
 *
 * <p>Paths come in order of length (edges when unweighted, summed weights when weighted); equally long paths in
 * order of fewer nodes, then of their node indices compared one by one, i.e. of the actors' first appearance.
 */
public final class KShortestPaths {
    private static final Comparator<Path> ORDER = Comparator.comparingDouble(Path::length)
            .thenComparingInt(Path::hops)
            .thenComparing(Path::nodes, Arrays::compare);

    private KShortestPaths() {
    }

    /** Up to {@code k} shortest simple paths between two labelled actors (fewer when fewer exist). */
    public static List<Path> between(Graph graph, String source, String target, int k) {
        return between(graph, graph.requireIndex(source), graph.requireIndex(target), k);
    }

    public static List<Path> between(Graph graph, int source, int target, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        DistanceSearch search = DistanceSearch.forward(graph);
        List<Path> found = new ArrayList<>();
        Optional<Path> first = ShortestPaths.between(search, source, target);
        if (first.isEmpty()) {
            return found;
        }
        found.add(first.get());
        TreeSet<Path> candidates = new TreeSet<>(ORDER);
        Set<Path> known = new HashSet<>(found);
        boolean[] blockedNodes = new boolean[graph.nodeCount()];
        boolean[] blockedArcs = new boolean[graph.nodeCount() == 0 ? 0 : graph.outEnd(graph.nodeCount() - 1)];
        search.block(blockedNodes, blockedArcs);
        while (found.size() < k) {
            Path previous = found.getLast();
            for (int j = 0; j < previous.hops(); j++) {
                int spur = previous.node(j);
                List<Integer> cut = cutArcsSharingRoot(graph, found, previous, j, blockedArcs);
                for (int i = 0; i < j; i++) {
                    blockedNodes[previous.node(i)] = true; // keeps the spur path simple
                }
                Optional<Path> spurPath = ShortestPaths.between(search, spur, target);
                if (spurPath.isPresent()) {
                    Path total = join(graph, previous, j, spurPath.get());
                    if (known.add(total)) {
                        candidates.add(total);
                    }
                }
                for (int i = 0; i < j; i++) {
                    blockedNodes[previous.node(i)] = false;
                }
                cut.forEach(arc -> blockedArcs[arc] = false);
            }
            if (candidates.isEmpty()) {
                break;
            }
            found.add(candidates.pollFirst());
        }
        return found;
    }

    /**
     * Blocks the next arc of every path already found that starts with the same root as {@code previous} up to
     * position {@code j}, so that the spur path must deviate there; returns the arcs blocked.
     */
    private static List<Integer> cutArcsSharingRoot(Graph graph, List<Path> found, Path previous, int j,
                                                    boolean[] blockedArcs) {
        List<Integer> cut = new ArrayList<>();
        for (Path path : found) {
            if (path.hops() > j && Arrays.equals(path.nodes(), 0, j + 1, previous.nodes(), 0, j + 1)) {
                int arc = graph.arc(path.node(j), path.node(j + 1));
                if (!blockedArcs[arc]) {
                    blockedArcs[arc] = true;
                    cut.add(arc);
                }
            }
        }
        return cut;
    }

    /**
     * The root of {@code root} up to {@code spurIndex} followed by {@code spur}. Its length is summed along the
     * whole path, so that the same route found from two spur nodes has bit-identical lengths and is recognised.
     */
    private static Path join(Graph graph, Path root, int spurIndex, Path spur) {
        int[] nodes = new int[spurIndex + spur.nodes().length];
        System.arraycopy(root.nodes(), 0, nodes, 0, spurIndex);
        System.arraycopy(spur.nodes(), 0, nodes, spurIndex, spur.nodes().length);
        double length = 0;
        for (int i = 0; i + 1 < nodes.length; i++) {
            length += graph.weight(graph.arc(nodes[i], nodes[i + 1]));
        }
        return new Path(nodes, length);
    }
}
