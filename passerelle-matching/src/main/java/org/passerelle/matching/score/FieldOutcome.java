package org.passerelle.matching.score;

/**
 * How one field compared.
 *
 * @param level  index into {@link Field}'s levels, or {@link Field#MISSING}
 * @param detail what agreed, for people reading the explanation; may be empty
 */
public record FieldOutcome(Field field, int level, String detail) {
}
