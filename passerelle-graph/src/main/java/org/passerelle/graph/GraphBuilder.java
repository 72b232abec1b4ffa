package org.passerelle.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects entities and links, then {@linkplain #build() builds} a {@link Graph}. Several inputs may feed one
 * builder: the result is their union, e.g. all phases of an investigation.
 *
 * <p>Default semantics (as the analysts' reference values): undirected and unweighted, an edge wherever either
 * direction has a link of weight &gt; 0, self-loops dropped. Directed keeps the arcs' directions; weighted keeps
 * the sum of the weights of all links recorded between the same pair (per direction when directed).
 *
 * <p>Nodes are numbered in order of first appearance, whether as an entity or as a link's end.
 */
public final class GraphBuilder {
    private final boolean directed;
    private final boolean weighted;
    private final Map<String, Integer> indexByLabel = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final List<EntityKind> kinds = new ArrayList<>();
    private int[] src = new int[16];
    private int[] dst = new int[16];
    private double[] weights = new double[16];
    private int linkCount;

    public GraphBuilder(boolean directed, boolean weighted) {
        this.directed = directed;
        this.weighted = weighted;
    }

    /** Undirected and unweighted: the default semantics. */
    public static GraphBuilder undirected() {
        return new GraphBuilder(false, false);
    }

    /** Adds an actor (if new) and returns its index; an actor seen before keeps its first position. */
    public int addNode(String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("an actor needs a non-empty label");
        }
        Integer known = indexByLabel.get(label);
        if (known != null) {
            return known;
        }
        int index = labels.size();
        indexByLabel.put(label, index);
        labels.add(label);
        kinds.add(null);
        return index;
    }

    /** Adds an entity, recording its kind; a later kind for the same id replaces an earlier one. */
    public int addEntity(Entity entity) {
        int index = addNode(entity.id());
        kinds.set(index, entity.kind());
        return index;
    }

    /**
     * Records a link. Both ends become actors even when the weight is 0 (a call matrix lists everyone), but only a
     * positive weight makes an edge.
     *
     * @throws IllegalArgumentException if the weight is negative, infinite or not a number
     */
    public GraphBuilder addLink(String source, String target, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("link weight must be a finite number >= 0, got " + weight);
        }
        int u = addNode(source);
        int v = addNode(target);
        if (weight == 0) {
            return this;
        }
        if (linkCount == src.length) {
            int capacity = linkCount * 2;
            src = Arrays.copyOf(src, capacity);
            dst = Arrays.copyOf(dst, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        src[linkCount] = u;
        dst[linkCount] = v;
        weights[linkCount++] = weight;
        return this;
    }

    public GraphBuilder addLink(Link link) {
        return addLink(link.source(), link.target(), link.weight());
    }

    /** Builds an immutable graph; the builder may go on collecting afterwards. */
    public Graph build() {
        return Graph.assemble(directed, weighted, labels.toArray(String[]::new), kinds.toArray(EntityKind[]::new),
                src, dst, weights, linkCount);
    }

    /** Builds a graph from typed entities and the links between them (links may also name unlisted actors). */
    public static Graph of(boolean directed, boolean weighted, List<Entity> entities, List<Link> links) {
        GraphBuilder builder = new GraphBuilder(directed, weighted);
        entities.forEach(builder::addEntity);
        links.forEach(builder::addLink);
        return builder.build();
    }
}
