package org.passerelle.matching.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.Sex;

class ScorerTest {
    private static final RegistryFrequencies UNIFORM = new RegistryFrequencies() {
        @Override
        public double bits(String key) {
            return 10;
        }

        @Override
        public long records() {
            return 1 << 20;
        }
    };

    private static PreparedRecord person(String id, String names, String date, String place) {
        return PreparedRecord.of(new PersonRecord(id, List.of(names), Sex.M, BirthDate.parseAll(date), place, "", ""));
    }

    private static Scorer scorer(double presence) {
        return new Scorer(new RecordComparator(UNIFORM), FellegiSunterModel.initial(), DecisionThresholds.DEFAULT,
                presence);
    }

    @Test
    void aQueryNamesOnePersonSoTwinsShareTheBeliefAndAStrangerDoesNotTakeAny() {
        PreparedRecord query = person("Q", "Mohamed EL OUAFI", "1990-03-12", "Oujda");
        PreparedRecord one = person("A", "الوافي, محمد", "1990-03-12", "وجدة");
        PreparedRecord twin = person("B", "الوافي, محمد", "1990-03-12", "وجدة");
        PreparedRecord stranger = person("C", "بناني, كريم", "1971-06-01", "فاس");
        Scorer scorer = scorer(0.8);

        ScoredCandidate alone = scorer.rank(query, List.of(one, stranger)).getFirst();
        List<ScoredCandidate> twins = scorer.rank(query, List.of(one, twin, stranger));

        assertThat(alone.personId()).isEqualTo("A");
        assertThat(twins.get(0).probability()).isLessThanOrEqualTo(0.5).isEqualTo(twins.get(1).probability());
        assertThat(alone.probability()).isGreaterThan(twins.get(0).probability() + 0.4);
        assertThat(alone.othersBits()).isPositive();
        assertThat(twins.get(0).othersBits()).isNegative();
        assertThat(twins.get(2).probability()).isLessThan(0.01);
        assertThat(alone.explanation()).endsWith(String.format(java.util.Locale.ROOT, "; others %+.1f", alone.othersBits()));
    }

    @Test
    void theLikelierAbsenceFromTheRegistryTheLowerTheProbability() {
        PreparedRecord query = person("Q", "Mohamed EL OUAFI", "1990", "");
        List<PreparedRecord> candidates = List.of(person("A", "الوافي, محمد", "1990-03-12", ""));

        double mostlyPresent = scorer(0.9).rank(query, candidates).getFirst().probability();
        double mostlyAbsent = scorer(0.1).rank(query, candidates).getFirst().probability();

        assertThat(mostlyPresent).isGreaterThan(mostlyAbsent);
        assertThat(scorer(0.9).rank(query, List.of())).isEmpty();
    }
}
