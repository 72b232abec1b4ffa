package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.normalize.NameUnit;

/**
 * Compares a parent's name; often a single given name, in either script, so any agreement counts as similar. The
 * outcome carries how rare the agreeing name is among the registry's names (parents are named from the same stock):
 * a father called Mohamed says less than one called Salaheddine.
 */
public final class ParentComparator {
    private ParentComparator() {
    }

    public static FieldOutcome compare(Field field, List<NameUnit> query, List<NameUnit> candidate,
                                       RegistryFrequencies frequencies) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return new FieldOutcome(field, Field.MISSING, "");
        }
        NameAlignment alignment = NameAlignment.align(query, candidate, frequencies);
        int level = alignment.queryCoverage() >= NameComparator.COVERED ? 0 : alignment.queryCoverage() > 0 ? 1 : 2;
        return new FieldOutcome(field, level, level == 2 ? "" : alignment.describe(), alignment.bits());
    }
}
