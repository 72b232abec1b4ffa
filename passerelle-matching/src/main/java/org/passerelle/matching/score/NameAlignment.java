package org.passerelle.matching.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.passerelle.matching.normalize.BridgeKey;
import org.passerelle.matching.normalize.NameUnit;

/**
 * Order-free alignment of the units of two names. Each unit pairs with at most one unit of the other name, best
 * pairs first; a pair of equal keys counts fully, a pair one typo apart counts {@value #TYPO_SIMILARITY}. What the
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

    /** Two aligned units and how alike they are. */
    public record Pair(NameUnit query, NameUnit candidate, double similarity) {
    }

    public static NameAlignment align(List<NameUnit> query, List<NameUnit> candidate, NameFrequencies frequencies) {
        double[] queryBits = bits(query, frequencies);
        double[] candidateBits = bits(candidate, frequencies);
        List<int[]> options = new ArrayList<>();
        List<Double> similarities = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            for (int c = 0; c < candidate.size(); c++) {
                double similarity = similarity(query.get(q).key(), candidate.get(c).key());
                if (similarity > 0) {
                    options.add(new int[] {q, c, similarities.size()});
                    similarities.add(similarity);
                }
            }
        }
        options.sort(Comparator.comparingDouble((int[] o) -> similarities.get(o[2]) * queryBits[o[0]]).reversed());
        boolean[] queryUsed = new boolean[query.size()];
        boolean[] candidateUsed = new boolean[candidate.size()];
        List<Pair> chosen = new ArrayList<>();
        double queryCovered = 0;
        double candidateCovered = 0;
        for (int[] option : options) {
            int q = option[0];
            int c = option[1];
            if (!queryUsed[q] && !candidateUsed[c]) {
                queryUsed[q] = true;
                candidateUsed[c] = true;
                double similarity = similarities.get(option[2]);
                chosen.add(new Pair(query.get(q), candidate.get(c), similarity));
                queryCovered += similarity * queryBits[q];
                candidateCovered += similarity * candidateBits[c];
            }
        }
        return new NameAlignment(share(queryCovered, queryBits), share(candidateCovered, candidateBits), queryCovered,
                chosen);
    }

    /** 1 for equal keys, {@value #TYPO_SIMILARITY} one edit apart when the keys are long enough to tell, else 0. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        boolean longEnough = Math.min(a.length(), b.length()) >= MIN_KEY_LENGTH_FOR_TYPOS;
        return longEnough && BridgeKey.distance(a, b) == 1 ? TYPO_SIMILARITY : 0;
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

    private static double[] bits(List<NameUnit> units, NameFrequencies frequencies) {
        return units.stream().mapToDouble(unit -> frequencies.bits(unit.key())).toArray();
    }

    private static double share(double covered, double[] bits) {
        double total = java.util.Arrays.stream(bits).sum();
        return total == 0 ? 0 : Math.min(1, covered / total);
    }
}
