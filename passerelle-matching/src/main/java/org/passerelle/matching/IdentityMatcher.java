package org.passerelle.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.score.DecisionThresholds;
import org.passerelle.matching.score.FellegiSunterModel;
import org.passerelle.matching.score.RecordComparator;
import org.passerelle.matching.score.ScoredCandidate;
import org.passerelle.matching.score.Scorer;

/**
 * The engine: finds a query's candidates in the registry index, scores each, and returns the best with a
 * calibrated probability, a decision and an explanation. Thread-safe; one instance serves a whole batch.
 */
public final class IdentityMatcher {
    /** Candidates fetched from the index per query before scoring: recall headroom over the rows reported. */
    public static final int DEFAULT_POOL = 30;
    /**
     * Candidates per sample query that EM learns from: the best ten by the index's ranking. Among thirty candidates
     * of a 10M registry the true one is 1 in 30 or fewer, and EM's two classes then split along something else (the
     * candidates that share a name and a year against the rest); the first ten still hold the true candidate almost
     * always and give EM the balance it needs to find it.
     */
    public static final int EM_POOL = 10;
    /** EM iterations: the estimate settles long before on real data; the cap only bounds a pathological case. */
    private static final int EM_ITERATIONS = 200;
    /**
     * Random registry records paired with each sample query to measure strangers' chance agreement (u); one seeded draw
     * for the whole sample, dealt out in turn (a registry smaller than the draw deals its records again).
     */
    private static final int RANDOM_PAIRS_PER_QUERY = 20;
    private static final long RANDOM_PAIRS_SEED = 7;

    private final RegistryIndex index;
    private final Scorer scorer;
    private final int pool;

    public IdentityMatcher(RegistryIndex index, FellegiSunterModel model, DecisionThresholds thresholds, int pool) {
        this.index = index;
        this.scorer = new Scorer(new RecordComparator(index.frequencies()), model, thresholds,
                model.presence(index.size()));
        this.pool = pool;
    }

    /** The {@code top} best candidates, most probable first; empty when the index offers none. */
    public List<ScoredCandidate> match(PersonRecord query, int top) throws IOException {
        PreparedRecord prepared = PreparedRecord.of(query);
        List<ScoredCandidate> ranked = scorer.rank(prepared, index.candidates(prepared, Math.max(pool, top)));
        return ranked.subList(0, Math.min(top, ranked.size()));
    }

    /**
     * Estimates the model without labels: m by EM on the candidate pairs of sample queries (their mix of true and
     * false candidates teaches what agreement looks like among matches), u from the same queries paired with random
     * registry records, and the prior from the expected true matches per query over the registry size, since a
     * query names at most one record of the registry.
     */
    public static FellegiSunterModel estimate(RegistryIndex index, List<PersonRecord> sampleQueries, int pool)
            throws IOException {
        return estimate(index, sampleQueries, pool, false);
    }

    /**
     * As {@link #estimate(RegistryIndex, List, int)}; with {@code excludeSelf}, a sample query's own record, when the
     * index holds it under the query's id, is not among its candidates: for an index of the queries themselves (earlier
     * requests, looked through for duplicates), where every query would otherwise find itself.
     */
    public static FellegiSunterModel estimate(RegistryIndex index, List<PersonRecord> sampleQueries, int pool,
            boolean excludeSelf) throws IOException {
        RecordComparator comparator = new RecordComparator(index.frequencies());
        List<List<int[]>> patterns = new ArrayList<>();
        List<int[]> randomPatterns = new ArrayList<>();
        List<PreparedRecord> strangers = index.randomRecords(RANDOM_PAIRS_PER_QUERY * sampleQueries.size(),
                RANDOM_PAIRS_SEED);
        int nextStranger = 0;
        for (PersonRecord query : sampleQueries) {
            PreparedRecord prepared = PreparedRecord.of(query);
            List<int[]> candidates = new ArrayList<>();
            for (PreparedRecord candidate : index.estimationCandidates(prepared, excludeSelf ? pool + 1 : pool)) {
                if (excludeSelf && candidate.record().id().equals(query.id())) {
                    continue;
                }
                candidates.add(RecordComparator.pattern(comparator.compare(prepared, candidate)));
            }
            patterns.add(candidates);
            for (int i = 0; i < RANDOM_PAIRS_PER_QUERY && !strangers.isEmpty(); i++) {
                PreparedRecord stranger = strangers.get(nextStranger++ % strangers.size());
                randomPatterns.add(RecordComparator.pattern(comparator.compare(prepared, stranger)));
            }
        }
        FellegiSunterModel candidates = FellegiSunterModel.initial().estimate(patterns, EM_ITERATIONS);
        return candidates.forAnyPair(randomPatterns, FellegiSunterModel.pairsPerQuery(patterns), index.size());
    }
}
