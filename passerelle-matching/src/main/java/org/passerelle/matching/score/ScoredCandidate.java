package org.passerelle.matching.score;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A registry record scored against a query, with the reasons.
 *
 * @param probability calibrated probability that the candidate is the person of the query
 * @param outcomes    per field, what agreed or disagreed
 * @param weights     per field, in {@link Field} order, the evidence in bits that outcome gave
 * @param othersBits  evidence in bits from the rest of the field: positive when no other candidate, and no absence
 *                    from the registry, is as likely; negative when namesakes are
 */
public record ScoredCandidate(String personId, double probability, Decision decision, List<FieldOutcome> outcomes,
                              double[] weights, double othersBits) {

    /**
     * "names +14.2 (covered, rare: mohamed~محمد ouafi~الوافي); birth_date +6.1 (same year, conventional date:
     * 1990-01-01~1990-03-12); …; others +2.1": each field, its weight in bits, its level and what agreed, then what
     * the other candidates and the chance of absence made of it.
     */
    public String explanation() {
        String fields = outcomes.stream().map(outcome -> {
            Field field = outcome.field();
            if (outcome.level() == Field.MISSING) {
                return field.label() + " missing";
            }
            String detail = outcome.detail().isEmpty() ? "" : ": " + outcome.detail();
            return String.format(Locale.ROOT, "%s %+.1f (%s%s)", field.label(), weights[field.ordinal()],
                    field.levelName(outcome.level()), detail);
        }).collect(Collectors.joining("; "));
        return fields + String.format(Locale.ROOT, "; others %+.1f", othersBits);
    }
}
