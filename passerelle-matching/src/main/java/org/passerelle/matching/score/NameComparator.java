package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.normalize.NameUnit;

/**
 * Compares all the names of two records (every spelling and script of each) and keeps the best aligned pair. A
 * complete or covering agreement is "rare" when the agreeing units carry at least as many bits as it takes to
 * single out one record of the registry: then a stranger is not expected to share the name. The outcome carries
 * the bits of the agreeing units, so that the model weighs "Mohamed Alaoui" below "Mohamed Boukhaled".
 */
public final class NameComparator {
    static final double COVERED = 0.85;
    static final double MOST = 0.5;

    private NameComparator() {
    }

    public static FieldOutcome compare(List<List<NameUnit>> query, List<List<NameUnit>> candidate,
                                       RegistryFrequencies frequencies) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return new FieldOutcome(Field.NAMES, Field.MISSING, "");
        }
        int bestLevel = Integer.MAX_VALUE;
        NameAlignment best = null;
        for (List<NameUnit> q : query) {
            for (List<NameUnit> c : candidate) {
                NameAlignment alignment = NameAlignment.align(q, c, frequencies);
                int level = level(alignment, frequencies.uniquenessBits());
                if (level < bestLevel || level == bestLevel && alignment.bits() > best.bits()) {
                    bestLevel = level;
                    best = alignment;
                }
            }
        }
        return new FieldOutcome(Field.NAMES, bestLevel, best.describe(), best.bits());
    }

    static int level(NameAlignment alignment, double uniquenessBits) {
        boolean rare = alignment.bits() >= uniquenessBits;
        if (alignment.complete()) {
            return rare ? 0 : 1;
        }
        if (alignment.queryCoverage() >= COVERED) {
            return rare ? 2 : 3;
        }
        if (alignment.queryCoverage() >= MOST) {
            return 4;
        }
        return alignment.queryCoverage() > 0 ? 5 : 6;
    }
}
