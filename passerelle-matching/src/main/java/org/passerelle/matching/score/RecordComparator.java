package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.Sex;

/** Compares a query with a candidate field by field, in {@link Field} order. */
public final class RecordComparator {
    private final RegistryFrequencies frequencies;

    public RecordComparator(RegistryFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    public List<FieldOutcome> compare(PreparedRecord query, PreparedRecord candidate) {
        return List.of(
                NameComparator.compare(query.names(), candidate.names(), frequencies),
                BirthDateComparator.compare(query.record().birthDates(), candidate.record().birthDates()),
                PlaceComparator.compare(query.birthPlace(), candidate.birthPlace(), frequencies),
                compareSex(query.record().sex(), candidate.record().sex()),
                ParentComparator.compare(Field.FATHER, query.father(), candidate.father(), frequencies),
                ParentComparator.compare(Field.MOTHER, query.mother(), candidate.mother(), frequencies));
    }

    static FieldOutcome compareSex(Sex query, Sex candidate) {
        if (query == Sex.UNKNOWN || candidate == Sex.UNKNOWN) {
            return new FieldOutcome(Field.SEX, Field.MISSING, "");
        }
        return new FieldOutcome(Field.SEX, query == candidate ? 0 : 1, "");
    }

    /** The levels alone, in {@link Field} order: what the model learns from. */
    public static int[] pattern(List<FieldOutcome> outcomes) {
        return outcomes.stream().mapToInt(FieldOutcome::level).toArray();
    }
}
