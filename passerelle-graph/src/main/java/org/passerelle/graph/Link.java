package org.passerelle.graph;

import java.util.Objects;

/**
 * A recorded link from one entity to another, e.g. calls from a phone to another.
 *
 * @param source the entity the link starts from (the caller)
 * @param target the entity the link goes to (the callee)
 * @param weight how much the link counts, e.g. the number of calls; must be finite and not negative, and a link
 *               of weight 0 records no edge (as an empty cell of a call matrix)
 */
public record Link(String source, String target, double weight) {
    public Link {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** A link that counts once. */
    public Link(String source, String target) {
        this(source, target, 1.0);
    }
}
