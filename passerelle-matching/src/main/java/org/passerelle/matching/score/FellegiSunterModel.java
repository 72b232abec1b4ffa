package org.passerelle.matching.score;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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
    /** Version of {@link #text()}: bump it when the parameters or their writing change. */
    public static final int FORMAT = 1;
    private static final String HASH_COMMENT = "# passerelle scoring model sha256 ";
    /** Pseudo-count per level, so that a level never seen in one class keeps a finite weight. */
    private static final double SMOOTHING = 0.5;
    private static final double CONVERGED = 1e-6;
    /** Bounds on the share of queries whose person is among their candidates, so that EM never rules either out. */
    private static final double MIN_PRESENCE = 1e-3;
    private static final double MAX_PRESENCE = 1 - 1e-3;

    /**
     * A starting point for EM, and a usable model when no data is at hand: agreement likely among matches,
     * disagreement likely among non-matches, each level a quarter as likely as the next one towards that end.
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

    /**
     * Runs EM from this model on the comparison patterns of unlabelled candidates, grouped by query. A query names at
     * most one person, so its candidates share one belief, as {@link Scorer} judges them: candidate i is the person
     * with odds (presence / k) · m/u against (1 − presence) that none of the k is. Taken pair by pair instead, EM could
     * put every candidate that agrees on the names into its match class when a set gives little else (names and a
     * date only: two fields do not identify a two-class mixture); on the Wikidata names set it then weighed a birth
     * date ten years off at −0.9 bits and declared strangers matches.
     */
    public FellegiSunterModel estimate(List<List<int[]>> candidatesPerQuery, int maxIterations) {
        double queries = Math.max(1, candidatesPerQuery.size());
        double pairsPerQuery = pairsPerQuery(candidatesPerQuery);
        double presence = Math.clamp(prior * pairsPerQuery, MIN_PRESENCE, MAX_PRESENCE);
        FellegiSunterModel model = this;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[][] mCounts = smoothedCounts();
            double[][] uCounts = smoothedCounts();
            double found = 0;
            for (List<int[]> candidates : candidatesPerQuery) {
                double[] odds = new double[candidates.size()];
                double total = 1 - presence;
                for (int i = 0; i < odds.length; i++) {
                    odds[i] = presence / odds.length * Math.pow(2, model.weight(candidates.get(i)));
                    total += odds[i];
                }
                for (int i = 0; i < odds.length; i++) {
                    double g = odds[i] / total;
                    found += g;
                    count(candidates.get(i), g, mCounts, uCounts);
                }
            }
            for (int f = 0; f < mCounts.length; f++) {
                normalise(mCounts[f]);
                normalise(uCounts[f]);
            }
            double next = Math.clamp(found / queries, MIN_PRESENCE, MAX_PRESENCE);
            model = new FellegiSunterModel(next / pairsPerQuery, mCounts, uCounts);
            boolean converged = Math.abs(next - presence) < CONVERGED;
            presence = next;
            if (converged) {
                break;
            }
        }
        return model;
    }

    /**
     * Candidates per query, at least one: what turns the model's prior of one pair into the share of queries whose
     * person is among their candidates, and back ({@link #forAnyPair}).
     */
    public static double pairsPerQuery(List<List<int[]>> candidatesPerQuery) {
        double pairs = candidatesPerQuery.stream().mapToInt(List::size).sum();
        return Math.max(1, pairs / Math.max(1, candidatesPerQuery.size()));
    }

    /** Adds a pattern's levels to the match counts with weight g and to the non-match counts with 1 − g. */
    private static void count(int[] pattern, double g, double[][] mCounts, double[][] uCounts) {
        for (int f = 0; f < pattern.length; f++) {
            int level = pattern[f];
            if (level != Field.MISSING) {
                mCounts[f][level] += g;
                uCounts[f][level] += 1 - g;
            }
        }
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

    /**
     * The model as text, one sorted {@code key=value} line per parameter after its format: the same model always gives
     * the same text, byte for byte, so that its {@link #hash()} names it wherever it is kept.
     */
    public String text() {
        Map<String, String> lines = new TreeMap<>();
        lines.put("format", Integer.toString(FORMAT));
        lines.put("prior", Double.toString(prior));
        for (Field field : Field.values()) {
            lines.put("m." + field.label(), join(m[field.ordinal()]));
            lines.put("u." + field.label(), join(u[field.ordinal()]));
        }
        StringBuilder text = new StringBuilder();
        lines.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** SHA-256 of {@link #text()}, in hexadecimal: the name a decision quotes to say which model scored it. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The model as a file: a comment naming it by its hash, then {@link #text()}. {@link #read} checks the hash, so
     * a replay never runs on a model edited since.
     */
    public String fileText() {
        return HASH_COMMENT + hash() + '\n' + text();
    }

    /**
     * Writes {@link #fileText()} into {@code folder} as {@code <hash>.properties}, where a later replay finds it by the
     * hash a decision quotes; returns the file.
     */
    public Path keepIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(hash() + ".properties"), fileText(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a model written by {@link #fileText()} (or its bare {@link #text()}); refuses a format it does not know,
     * a missing parameter, and a text whose hash differs from the one its comment names.
     */
    public static FellegiSunterModel read(String fileText) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(fileText));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable model: " + e.getMessage(), e);
        }
        String format = properties.getProperty("format");
        if (!Integer.toString(FORMAT).equals(format)) {
            throw new IllegalArgumentException("model format " + format + " is not " + FORMAT);
        }
        Field[] fields = Field.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (Field field : fields) {
            m[field.ordinal()] = split(properties.getProperty("m." + field.label()), field);
            u[field.ordinal()] = split(properties.getProperty("u." + field.label()), field);
        }
        String prior = properties.getProperty("prior");
        if (prior == null) {
            throw new IllegalArgumentException("model has no prior");
        }
        FellegiSunterModel model = new FellegiSunterModel(Double.parseDouble(prior), m, u);
        fileText.lines().filter(line -> line.startsWith(HASH_COMMENT)).findFirst()
                .map(line -> line.substring(HASH_COMMENT.length()).strip())
                .filter(named -> !named.equals(model.hash()))
                .ifPresent(named -> {
                    throw new IllegalArgumentException("model altered: its parameters hash to " + model.hash()
                            + ", not to " + named);
                });
        return model;
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
