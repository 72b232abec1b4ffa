package org.passerelle.graph.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A split of the actors into communities, numbered by first appearance: community 0 holds node 0, the next new
 * community met in input order is 1, and so on. The same split therefore always prints the same way.
 */
public final class Partition {
    private final int[] communityOf;
    private final int count;

    /** Renumbers any labelling of the nodes into first-appearance order. */
    public Partition(int[] labels) {
        communityOf = new int[labels.length];
        int[] renumbered = new int[labels.length == 0 ? 0 : Arrays.stream(labels).max().getAsInt() + 1];
        Arrays.fill(renumbered, -1);
        int next = 0;
        for (int v = 0; v < labels.length; v++) {
            if (labels[v] < 0) {
                throw new IllegalArgumentException("community labels must be >= 0");
            }
            if (renumbered[labels[v]] < 0) {
                renumbered[labels[v]] = next++;
            }
            communityOf[v] = renumbered[labels[v]];
        }
        count = next;
    }

    public int communityOf(int v) {
        return communityOf[v];
    }

    public int[] communities() {
        return communityOf.clone();
    }

    public int count() {
        return count;
    }

    public int nodeCount() {
        return communityOf.length;
    }

    /** Members of each community, in input order. */
    public List<List<Integer>> members() {
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            members.add(new ArrayList<>());
        }
        for (int v = 0; v < communityOf.length; v++) {
            members.get(communityOf[v]).add(v);
        }
        return members;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Partition p && Arrays.equals(p.communityOf, communityOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(communityOf);
    }

    @Override
    public String toString() {
        return members().toString();
    }
}
