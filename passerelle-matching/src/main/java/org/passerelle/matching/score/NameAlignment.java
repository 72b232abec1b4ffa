package org.passerelle.matching.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.passerelle.matching.normalize.ArabicText;
import org.passerelle.matching.normalize.BridgeKey;
import org.passerelle.matching.normalize.NameUnit;

/**
 * Order-free alignment of the units of two names. Each unit pairs with at most one unit of the other name, best
 * pairs first; a pair of equal keys counts fully (or of keys that differ by a spelling convention, see
 * {@link #otherConvention}), a pair one typo apart counts {@value #TYPO_SIMILARITY}. What the
 * aligned units cover is weighed by how informative each unit is, so that agreeing on "Mohamed" while disagreeing
 * on the family name leaves little coverage.
 *
 * @param queryCoverage     informative share of the query's units that found a partner, in [0,1]
 * @param candidateCoverage the same for the candidate's units
 * @param bits              information carried by the aligned pairs
 * @param pairs             the aligned pairs, for explanations
 */
public record NameAlignment(double queryCoverage, double candidateCoverage, double bits, List<Pair> pairs) {
    static final double TYPO_SIMILARITY = 0.6;
    private static final int MIN_KEY_LENGTH_FOR_TYPOS = 4;
    /**
     * A key this many bits rarer than a name one edit away, 64 times fewer records, is a slip of the pen for it:
     * Fattoua for فاطمة, whose key FT a few family names hold, is فاطمة misspelt, not one of them.
     */
    private static final double MISSPELLING_RARER_BITS = 6;
    /** A key this many bits below unique is held by at least 256 records: a real name. */
    private static final double NAME_COMMONNESS_BITS = 8;

    /** Two aligned units and how alike they are. */
    public record Pair(NameUnit query, NameUnit candidate, double similarity) {
    }

    public static NameAlignment align(List<NameUnit> query, List<NameUnit> candidate, RegistryFrequencies frequencies) {
        double[] queryBits = bits(query, frequencies);
        double[] candidateBits = bits(candidate, frequencies);
        List<Option> options = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            for (int c = 0; c < candidate.size(); c++) {
                double similarity = similarity(query.get(q), candidate.get(c), frequencies);
                if (similarity > 0) {
                    options.add(new Option(q, 1, c, 1, similarity, similarity * queryBits[q]));
                }
            }
        }
        addGluedPairs(query, candidate, false, queryBits, options);
        addGluedPairs(candidate, query, true, queryBits, options);
        options.sort(Comparator.comparingDouble(Option::weight).reversed());
        boolean[] queryUsed = new boolean[query.size()];
        boolean[] candidateUsed = new boolean[candidate.size()];
        List<Pair> chosen = new ArrayList<>();
        double queryCovered = 0;
        double candidateCovered = 0;
        for (Option option : options) {
            if (option.isFree(queryUsed, candidateUsed)) {
                option.take(queryUsed, candidateUsed);
                chosen.add(new Pair(glued(query, option.q(), option.queryUnits()),
                        glued(candidate, option.c(), option.candidateUnits()), option.similarity()));
                queryCovered += option.similarity() * sum(queryBits, option.q(), option.queryUnits());
                candidateCovered += option.similarity() * sum(candidateBits, option.c(), option.candidateUnits());
            }
        }
        return new NameAlignment(share(queryCovered, queryBits), share(candidateCovered, candidateBits), queryCovered,
                chosen);
    }

    /**
     * Pairs one unit of {@code single} with two adjacent units of {@code split} whose keys, glued, are its key: one
     * side wrote as one word what the other wrote as two (Fatimazahra and فاطمة الزهراء; Been Soufiane, whose typo hid
     * the particle, and Bensoufiane).
     */
    private static void addGluedPairs(List<NameUnit> split, List<NameUnit> single, boolean splitIsCandidate,
                                      double[] queryBits, List<Option> options) {
        for (int i = 0; i + 1 < split.size(); i++) {
            String glued = BridgeKey.glue(split.get(i).key(), split.get(i + 1).key());
            for (int j = 0; j < single.size(); j++) {
                if (single.get(j).key().equals(glued)) {
                    options.add(splitIsCandidate
                            ? new Option(j, 1, i, 2, 1, queryBits[j])
                            : new Option(i, 2, j, 1, 1, queryBits[i] + queryBits[i + 1]));
                }
            }
        }
    }

    /** Units {@code first} to {@code first + count - 1} as one, for explanations. */
    private static NameUnit glued(List<NameUnit> units, int first, int count) {
        if (count == 1) {
            return units.get(first);
        }
        List<NameUnit> parts = units.subList(first, first + count);
        return new NameUnit(parts.stream().map(NameUnit::text).collect(Collectors.joining(" ")),
                parts.stream().map(NameUnit::key).reduce(BridgeKey::glue).orElseThrow(), parts.getFirst().role());
    }

    private static double sum(double[] values, int first, int count) {
        double sum = 0;
        for (int i = first; i < first + count; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** A possible pairing: query units from q on, candidate units from c on, how alike, and what it would cover. */
    private record Option(int q, int queryUnits, int c, int candidateUnits, double similarity, double weight) {
        boolean isFree(boolean[] queryUsed, boolean[] candidateUsed) {
            for (int i = q; i < q + queryUnits; i++) {
                if (queryUsed[i]) {
                    return false;
                }
            }
            for (int i = c; i < c + candidateUnits; i++) {
                if (candidateUsed[i]) {
                    return false;
                }
            }
            return true;
        }

        void take(boolean[] queryUsed, boolean[] candidateUsed) {
            Arrays.fill(queryUsed, q, q + queryUnits, true);
            Arrays.fill(candidateUsed, c, c + candidateUnits, true);
        }
    }

    /**
     * 1 for equal keys; {@value #TYPO_SIMILARITY} for keys one edit apart when they are long enough to tell a typo
     * from another name, when the query's spelling is a misspelling (its key held by 64 times fewer records, the other's by
     * many: Youef for يوسف, Soutd for سعاد), or when both sides are Latin spellings one edit apart after the same
     * first letter (Jcbri for Jabri, Aiha for Aicha: the short key changed, but the writing shows the slip; first
     * letters are the ones clerks get right, as Jaro–Winkler assumes). Mohamed and Ahmed, one key edit apart, are
     * not; Wafi and Lafi neither.
     */
    static double similarity(NameUnit query, NameUnit candidate, RegistryFrequencies frequencies) {
        if (query.key().equals(candidate.key()) || otherConvention(query, candidate) || otherConvention(candidate, query)) {
            return 1;
        }
        if (latinSlip(query, candidate)) {
            return TYPO_SIMILARITY;
        }
        if (BridgeKey.distance(query.key(), candidate.key()) != 1) {
            return 0;
        }
        boolean longEnough = Math.min(query.key().length(), candidate.key().length()) >= MIN_KEY_LENGTH_FOR_TYPOS;
        return longEnough || misspelling(query, candidate, frequencies) ? TYPO_SIMILARITY : 0;
    }

    /**
     * Two Latin spellings one slip apart after the same first letter. Checked on the letters, not only on the keys:
     * a slip inside a digraph moves the key two edits (Racihda for Rachida, Mkihail for Mikhail), while the writing
     * shows one.
     */
    private static boolean latinSlip(NameUnit query, NameUnit candidate) {
        return !ArabicText.isArabic(query.text()) && !ArabicText.isArabic(candidate.text())
                && query.text().charAt(0) == candidate.text().charAt(0)
                && BridgeKey.distance(query.text(), candidate.text()) == 1;
    }

    /**
     * A Latin spelling of an Arabic name by a Moroccan convention the keys cannot follow, as both readings are common:
     * the article fused into the name as an L (Lahcen for الحسين, Larbi for العربي, Lazrak for الأزرق), or an initial
     * و written as the vowel ou (Oudghiri for الودغيري, Oujdi for الوجدي), or ث heard as s (Osmane for عثمان).
     */
    static boolean otherConvention(NameUnit latin, NameUnit arabic) {
        if (ArabicText.isArabic(latin.text()) || !ArabicText.isArabic(arabic.text())) {
            return false;
        }
        boolean fusedArticle = arabic.text().startsWith("ال") && latin.key().equals("L" + arabic.key());
        boolean vowelWaw = latin.text().startsWith("ou") && arabic.key().equals("W" + latin.key());
        boolean thaAsS = arabic.text().indexOf('ث') >= 0 && arabic.text().indexOf('ت') < 0 && arabic.text().indexOf('ط') < 0
                && latin.key().equals(arabic.key().replace('T', 'S'));
        return fusedArticle || vowelWaw || thaAsS;
    }

    /**
     * A spelling whose key is far rarer than a key one edit away that hundreds hold is a slip of the pen
     * rather than a name: the registry is the dictionary. Keys of one letter are left out, as any two are one apart.
     */
    private static boolean misspelling(NameUnit query, NameUnit candidate, RegistryFrequencies frequencies) {
        double candidateBits = frequencies.bits(candidate.key());
        return query.key().length() >= 2 && frequencies.bits(query.key()) >= candidateBits + MISSPELLING_RARER_BITS
                && candidateBits < frequencies.uniquenessBits() - NAME_COMMONNESS_BITS;
    }

    /** True when every unit on both sides found an equal partner. */
    public boolean complete() {
        return queryCoverage >= 0.999 && candidateCoverage >= 0.999
                && pairs.stream().allMatch(pair -> pair.similarity() == 1);
    }

    /** "mohamed~محمد ouafi~الوافي": the aligned spellings, for explanations. */
    public String describe() {
        return pairs.stream().map(p -> p.query().text().equals(p.candidate().text())
                        ? p.query().text() : p.query().text() + "~" + p.candidate().text())
                .collect(Collectors.joining(" "));
    }

    private static double[] bits(List<NameUnit> units, RegistryFrequencies frequencies) {
        return units.stream().mapToDouble(unit -> frequencies.bits(unit.key())).toArray();
    }

    private static double share(double covered, double[] bits) {
        double total = Arrays.stream(bits).sum();
        return total == 0 ? 0 : Math.min(1, covered / total);
    }
}
