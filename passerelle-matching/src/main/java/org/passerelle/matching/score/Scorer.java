package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.PreparedRecord;

/** Compares, weighs and decides: one candidate in, one explained probability out. */
public final class Scorer {
    private final RecordComparator comparator;
    private final FellegiSunterModel model;
    private final DecisionThresholds thresholds;

    public Scorer(RecordComparator comparator, FellegiSunterModel model, DecisionThresholds thresholds) {
        this.comparator = comparator;
        this.model = model;
        this.thresholds = thresholds;
    }

    public ScoredCandidate score(PreparedRecord query, PreparedRecord candidate) {
        List<FieldOutcome> outcomes = comparator.compare(query, candidate);
        double[] weights = new double[Field.values().length];
        double total = 0;
        for (FieldOutcome outcome : outcomes) {
            weights[outcome.field().ordinal()] = model.weight(outcome);
            total += weights[outcome.field().ordinal()];
        }
        double probability = model.probabilityOfWeight(total);
        return new ScoredCandidate(candidate.record().id(), probability, thresholds.decide(probability), outcomes, weights);
    }

    public RecordComparator comparator() {
        return comparator;
    }

    public FellegiSunterModel model() {
        return model;
    }
}
