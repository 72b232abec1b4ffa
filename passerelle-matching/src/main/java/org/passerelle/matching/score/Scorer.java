package org.passerelle.matching.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.passerelle.matching.PreparedRecord;

/**
 * Compares, weighs and decides: the candidates of one query in, explained probabilities out.
 * <p>
 * Fellegi–Sunter weighs each pair alone, against the prior chance that any one record is the person. But a query
 * names at most one person of the registry, and its candidates are judged together: the posterior of candidate i is
 * its pair odds o_i over the odds that the person is absent from the registry, (1 − presence), plus the pair odds of
 * every candidate, Σ o_j. A candidate alone in the field gains (no one else in the registry looks like the query);
 * two namesakes as likely as each other share the belief between them.
 */
public final class Scorer {
    /** Bounds on the share of queries about someone in the registry, so that absence is never ruled in or out. */
    private static final double MIN_PRESENCE = 0.05;
    private static final double MAX_PRESENCE = 0.95;

    private final RecordComparator comparator;
    private final FellegiSunterModel model;
    private final DecisionThresholds thresholds;
    private final double absence;

    /**
     * @param presence share of queries whose person is in the registry, as estimated with the model (EM's expected
     *                 true candidates per query)
     */
    public Scorer(RecordComparator comparator, FellegiSunterModel model, DecisionThresholds thresholds,
                  double presence) {
        this.comparator = comparator;
        this.model = model;
        this.thresholds = thresholds;
        this.absence = 1 - Math.clamp(presence, MIN_PRESENCE, MAX_PRESENCE);
    }

    /** The candidates of one query, most probable first. */
    public List<ScoredCandidate> rank(PreparedRecord query, List<PreparedRecord> candidates) {
        List<PairEvidence> pairs = new ArrayList<>(candidates.size());
        double totalOdds = 0;
        for (PreparedRecord candidate : candidates) {
            PairEvidence pair = weigh(query, candidate);
            pairs.add(pair);
            totalOdds += pair.odds();
        }
        List<ScoredCandidate> ranked = new ArrayList<>(pairs.size());
        for (PairEvidence pair : pairs) {
            double probability = pair.odds() / (absence + totalOdds);
            double othersBits = -RegistryFrequencies.log2(absence + totalOdds - pair.odds());
            ranked.add(new ScoredCandidate(pair.candidate().record().id(), probability, thresholds.decide(probability),
                    pair.outcomes(), pair.weights(), othersBits));
        }
        // A stable sort: equal probabilities keep the order the candidates came in, the index's (by score, then id).
        ranked.sort(Comparator.comparingDouble(ScoredCandidate::probability).reversed());
        return ranked;
    }

    private PairEvidence weigh(PreparedRecord query, PreparedRecord candidate) {
        List<FieldOutcome> outcomes = comparator.compare(query, candidate);
        double[] weights = new double[Field.values().length];
        double total = 0;
        for (FieldOutcome outcome : outcomes) {
            weights[outcome.field().ordinal()] = model.weight(outcome);
            total += weights[outcome.field().ordinal()];
        }
        return new PairEvidence(candidate, outcomes, weights, model.oddsOfWeight(total));
    }

    /** One pair weighed alone: its field outcomes, their weights in bits, and its posterior odds as a pair. */
    private record PairEvidence(PreparedRecord candidate, List<FieldOutcome> outcomes, double[] weights, double odds) {
    }
}
