package org.passerelle.matching.score;

/**
 * Probability thresholds for the decisions: configuration, since how sure one must be to call a match is a policy
 * choice, not a property of the data.
 */
public record DecisionThresholds(double match, double possible) {
    /**
     * Match from 0.8, possible from 0.5: on the synthetic benchmark (100k to 10M records) 0.8 is the lowest threshold
     * that keeps the precision of "match" at or above 0.99 (docs/benchmarks/matching.md).
     */
    public static final DecisionThresholds DEFAULT = new DecisionThresholds(0.8, 0.5);

    public DecisionThresholds {
        if (!(0 <= possible && possible <= match && match <= 1)) {
            throw new IllegalArgumentException("need 0 <= possible <= match <= 1, got " + possible + " and " + match);
        }
    }

    public Decision decide(double probability) {
        return probability >= match ? Decision.MATCH : probability >= possible ? Decision.POSSIBLE : Decision.NO_MATCH;
    }
}
