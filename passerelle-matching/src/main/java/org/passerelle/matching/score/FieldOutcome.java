package org.passerelle.matching.score;

/**
 * How one field compared.
 *
 * @param level      index into {@link Field}'s levels, or {@link Field#MISSING}
 * @param detail     what agreed, for people reading the explanation; may be empty
 * @param sharedBits how rare the values both sides share are, in bits (log2 of one over the share of registry
 *                   records holding them), when the field is weighed by value; NaN when only its level counts
 */
public record FieldOutcome(Field field, int level, String detail, double sharedBits) {
    /** An outcome weighed by its level alone. */
    public FieldOutcome(Field field, int level, String detail) {
        this(field, level, detail, Double.NaN);
    }
}
