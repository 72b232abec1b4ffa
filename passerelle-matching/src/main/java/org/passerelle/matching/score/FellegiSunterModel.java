package org.passerelle.matching.score;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The Fellegi–Sunter model: for each field level, m = P(level | same person) and u = P(level | different people);
 * fields are taken as independent given the match status, so evidence adds up as log2(m/u) weights, and the
 * posterior probability of a match follows from Bayes' rule.
 * <p>
 * Estimation, without labels, in two steps. EM on candidate pairs (the pairs the model will judge) separates true
 * from false candidates and gives m. u is then taken from random pairs ({@link #forAnyPair}), where it is what it
 * claims to be, the chance that strangers agree: measured on candidates it is inflated by blocking itself (they were
 * chosen for sharing a name or a date) and the weights shrink. Holding u at the random-pair values during EM was
 * tried too: EM's match class then swallows the near-miss candidates.
 *
 * @param prior probability that a pair is a match before looking at it
 */
public record FellegiSunterModel(double prior, double[][] m, double[][] u) {
    /** Pseudo-count per level, so that a level never seen in one class keeps a finite weight. */
    private static final double SMOOTHING = 0.5;
    private static final double CONVERGED = 1e-6;

    /**
     * A starting point for EM, and a usable model when no data is at hand: agreement likely among matches,
     * disagreement likely among non-matches, linearly in between.
     */
    public static FellegiSunterModel initial() {
        Field[] fields = Field.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (Field field : fields) {
            int n = field.levelCount();
            m[field.ordinal()] = new double[n];
            u[field.ordinal()] = new double[n];
            for (int level = 0; level < n; level++) {
                m[field.ordinal()][level] = Math.pow(0.25, level);
                u[field.ordinal()][level] = Math.pow(0.25, n - 1 - level);
            }
            normalise(m[field.ordinal()]);
            normalise(u[field.ordinal()]);
        }
        return new FellegiSunterModel(0.1, m, u);
    }

    /**
     * The candidate-pair model turned into one for any pair: u replaced by level frequencies among random pairs
     * (strangers' chance agreement), prior by the expected true matches per query over the registry size.
     */
    public FellegiSunterModel forAnyPair(List<int[]> randomPatterns, double pairsPerQuery, long registrySize) {
        double[][] counts = smoothedCounts();
        for (int[] pattern : randomPatterns) {
            for (int f = 0; f < pattern.length; f++) {
                if (pattern[f] != Field.MISSING) {
                    counts[f][pattern[f]]++;
                }
            }
        }
        for (double[] field : counts) {
            normalise(field);
        }
        double matchesPerQuery = Math.clamp(prior * pairsPerQuery, 0.05, 1);
        return new FellegiSunterModel(matchesPerQuery / Math.max(2, registrySize), m, counts);
    }

    /** Runs EM from this model on the comparison patterns of unlabelled candidate pairs. */
    public FellegiSunterModel estimate(List<int[]> patterns, int maxIterations) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int[] pattern : patterns) {
            counts.merge(Arrays.stream(pattern).boxed().toList(), 1, Integer::sum);
        }
        int[][] distinct = counts.keySet().stream().map(p -> p.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        double[] weights = counts.values().stream().mapToDouble(Integer::doubleValue).toArray();
        FellegiSunterModel model = this;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            FellegiSunterModel next = model.step(distinct, weights);
            boolean converged = Math.abs(next.prior - model.prior) < CONVERGED;
            model = next;
            if (converged) {
                break;
            }
        }
        return model;
    }

    private FellegiSunterModel step(int[][] patterns, double[] counts) {
        double[][] mCounts = smoothedCounts();
        double[][] uCounts = smoothedCounts();
        double matches = 0;
        double total = 0;
        for (int i = 0; i < patterns.length; i++) {
            double g = probability(patterns[i]);
            matches += g * counts[i];
            total += counts[i];
            for (int f = 0; f < patterns[i].length; f++) {
                int level = patterns[i][f];
                if (level != Field.MISSING) {
                    mCounts[f][level] += g * counts[i];
                    uCounts[f][level] += (1 - g) * counts[i];
                }
            }
        }
        for (int f = 0; f < mCounts.length; f++) {
            normalise(mCounts[f]);
            normalise(uCounts[f]);
        }
        double prior = Math.clamp(matches / total, 1e-6, 1 - 1e-6);
        return new FellegiSunterModel(prior, mCounts, uCounts);
    }

    private static double[][] smoothedCounts() {
        Field[] fields = Field.values();
        double[][] counts = new double[fields.length][];
        for (Field field : fields) {
            counts[field.ordinal()] = new double[field.levelCount()];
            Arrays.fill(counts[field.ordinal()], SMOOTHING);
        }
        return counts;
    }

    /** Evidence of one field level for a match, in bits: log2(m/u); 0 when the field is missing. */
    public double weight(Field field, int level) {
        if (level == Field.MISSING) {
            return 0;
        }
        return RegistryFrequencies.log2(m[field.ordinal()][level] / u[field.ordinal()][level]);
    }

    /**
     * Evidence of one outcome, in bits. An outcome weighed by value (a name shared by one record in 2^b) gets
     * log2(m / share) instead of the level's average log2(m / u): the chance that a stranger agrees on exactly these
     * values is their share of the registry, which u, averaged over common and rare names alike, is not (Winkler's
     * frequency-based matching). The level's m still says how often a true match looks like this.
     */
    public double weight(FieldOutcome outcome) {
        if (outcome.level() == Field.MISSING || Double.isNaN(outcome.sharedBits())
                || outcome.level() == outcome.field().levelCount() - 1) {
            return weight(outcome.field(), outcome.level());
        }
        return RegistryFrequencies.log2(m[outcome.field().ordinal()][outcome.level()]) + outcome.sharedBits();
    }

    /** Total evidence of a comparison pattern, in bits. */
    public double weight(int[] pattern) {
        double sum = 0;
        Field[] fields = Field.values();
        for (int f = 0; f < pattern.length; f++) {
            sum += weight(fields[f], pattern[f]);
        }
        return sum;
    }

    /** Posterior probability that a candidate pair with this pattern is the same person. */
    public double probability(int[] pattern) {
        return probabilityOfWeight(weight(pattern));
    }

    /** Posterior from total evidence: prior odds times 2^weight, back to a probability. */
    public double probabilityOfWeight(double weight) {
        return 1 / (1 + 1 / oddsOfWeight(weight));
    }

    /** Posterior odds from total evidence: prior odds times 2^weight. */
    public double oddsOfWeight(double weight) {
        return Math.exp(Math.log(prior / (1 - prior)) + weight * Math.log(2));
    }

    /** Share of queries whose person is in a registry of this size: the prior of one pair times the pairs. */
    public double presence(long registrySize) {
        return prior * registrySize;
    }

    /** The weights as a table, one line per field: what the model learnt, for logs and reports. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "prior %.4f%n", prior));
        for (Field field : Field.values()) {
            out.append(field.label()).append(':');
            for (int level = 0; level < field.levelCount(); level++) {
                out.append(String.format(Locale.ROOT, " [%s] %+.1f", field.levelName(level), weight(field, level)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The model as properties, so that an index can keep the model estimated on its registry. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("prior", Double.toString(prior));
        for (Field field : Field.values()) {
            properties.setProperty("m." + field.label(), join(m[field.ordinal()]));
            properties.setProperty("u." + field.label(), join(u[field.ordinal()]));
        }
        return properties;
    }

    public static FellegiSunterModel fromProperties(Properties properties) {
        Field[] fields = Field.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (Field field : fields) {
            m[field.ordinal()] = split(properties.getProperty("m." + field.label()), field);
            u[field.ordinal()] = split(properties.getProperty("u." + field.label()), field);
        }
        return new FellegiSunterModel(Double.parseDouble(properties.getProperty("prior")), m, u);
    }

    private static String join(double[] values) {
        return String.join(" ", Arrays.stream(values).mapToObj(Double::toString).toList());
    }

    private static double[] split(String text, Field field) {
        if (text == null) {
            throw new IllegalArgumentException("model has no parameters for " + field.label());
        }
        double[] values = Arrays.stream(text.strip().split(" +")).mapToDouble(Double::parseDouble).toArray();
        if (values.length != field.levelCount()) {
            throw new IllegalArgumentException("model has " + values.length + " levels for " + field.label());
        }
        return values;
    }

    private static void normalise(double[] values) {
        double sum = Arrays.stream(values).sum();
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
    }
}
