package org.passerelle.matching.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.Sex;
import org.passerelle.matching.normalize.NameParser;
import org.passerelle.matching.normalize.Places;

class FieldComparatorsTest {
    private static String dateLevel(String query, String candidate) {
        FieldOutcome outcome = BirthDateComparator.compare(BirthDate.parseAll(query), BirthDate.parseAll(candidate));
        return Field.BIRTH_DATE.levelName(outcome.level());
    }

    @Test
    void birthDates() {
        assertThat(dateLevel("1990-03-12", "1990-03-12")).isEqualTo("exact");
        assertThat(dateLevel("1990-12-03", "1990-03-12")).isEqualTo("day/month swapped");
        assertThat(dateLevel("1990-03-15", "1990-03-12")).isEqualTo("same month");
        assertThat(dateLevel("1990-01-01", "1990-03-12")).isEqualTo("same year, conventional date");
        assertThat(dateLevel("1990", "1990-03-12")).isEqualTo("same year, conventional date");
        assertThat(dateLevel("1990-01-01", "1990-01-28")).as("1 January says nothing of the month")
                .isEqualTo("same year, conventional date");
        assertThat(dateLevel("1990-03", "1990-03-12")).isEqualTo("same month");
        assertThat(dateLevel("1990-07-30", "1990-03-12")).isEqualTo("same year");
        assertThat(dateLevel("1991-03-12", "1990-03-12")).isEqualTo("neighbouring year");
        assertThat(dateLevel("1991-01-01", "1990-03-12")).isEqualTo("neighbouring year, conventional date");
        assertThat(dateLevel("1991", "1990-03-12")).isEqualTo("neighbouring year, conventional date");
        assertThat(dateLevel("1988-01-01", "1990-03-12")).isEqualTo("2 years apart");
        assertThat(dateLevel("1980-03-12", "1990-03-12")).isEqualTo("different");
        assertThat(dateLevel("", "1990-03-12")).isEqualTo("missing");
    }

    @Test
    void severalDatesKeepTheBestPair() {
        assertThat(dateLevel("1989|1990-03-12", "1990-03-12")).isEqualTo("exact");
    }

    @Test
    void twoConventionalDatesOfTheSameYearSayOnlyTheYear() {
        assertThat(dateLevel("1990-01-01", "1990-01-01")).isEqualTo("same year, conventional date");
    }

    @Test
    void placesThroughTheGazetteerAndByKey() {
        assertThat(level("Tanger", "طنجة")).isEqualTo("same");
        assertThat(level("Tangier", "Tanger")).isEqualTo("same");
        assertThat(level("Casablanca", "الدار البيضاء")).isEqualTo("same");
        assertThat(level("Mogador", "Essaouira")).isEqualTo("same");
        assertThat(level("Oujda", "وجدة")).isEqualTo("same");
        assertThat(level("Oujda", "Rabat")).isEqualTo("different");
        assertThat(level("Oujda", "El Jadida")).as("same key JD, told apart by spelling").isEqualTo("different");
        assertThat(level("Tinghir", "Tinghir")).isEqualTo("same");
        assertThat(level("Tinghir", "Tinehir")).isEqualTo("similar");
        assertThat(level("", "Rabat")).isEqualTo("missing");
    }

    @Test
    void theSamePlaceCarriesHowRareItIs() {
        RegistryFrequencies casablancaCommon = new RegistryFrequencies() {
            @Override
            public double bits(String key) {
                return 1;
            }

            @Override
            public long records() {
                return 1024;
            }

            @Override
            public double placeBits(String place) {
                return switch (place) {
                    case "Casablanca" -> 2;
                    case "Ifrane" -> 6;
                    default -> Double.NaN;
                };
            }
        };
        Places gazetteer = Places.morocco();
        FieldOutcome casablanca = PlaceComparator.compare(gazetteer.spelling("Casa"), gazetteer.spelling("الدار البيضاء"),
                casablancaCommon);
        FieldOutcome ifrane = PlaceComparator.compare(gazetteer.spelling("Ifrane"), gazetteer.spelling("IFRANE"),
                casablancaCommon);
        FieldOutcome elsewhere = PlaceComparator.compare(gazetteer.spelling("Ifrane"), gazetteer.spelling("Rabat"),
                casablancaCommon);

        assertThat(casablanca.level()).isZero();
        assertThat(casablanca.sharedBits()).isEqualTo(2);
        assertThat(casablanca.detail()).isEqualTo("Casablanca");
        assertThat(ifrane.sharedBits()).isEqualTo(6);
        assertThat(elsewhere.sharedBits()).as("a disagreement weighs by its level").isNaN();
        assertThat(PlaceComparator.compare(gazetteer.spelling("Tinghir"), gazetteer.spelling("Tinghir"), casablancaCommon)
                .sharedBits()).as("a place not counted weighs by its level").isNaN();
    }

    private static String level(String query, String candidate) {
        Places gazetteer = Places.morocco();
        return Field.BIRTH_PLACE.levelName(
                PlaceComparator.compare(gazetteer.spelling(query), gazetteer.spelling(candidate),
                        RegistryFrequencies.ofCounts(Map.of(), 1000)).level());
    }

    @Test
    void sex() {
        assertThat(RecordComparator.compareSex(Sex.M, Sex.M).level()).isZero();
        assertThat(RecordComparator.compareSex(Sex.M, Sex.F).level()).isEqualTo(1);
        assertThat(RecordComparator.compareSex(Sex.UNKNOWN, Sex.F).level()).isEqualTo(Field.MISSING);
    }

    @Test
    void parentsAcrossScripts() {
        RegistryFrequencies frequencies = RegistryFrequencies.ofCounts(Map.of(), 1000);
        assertThat(ParentComparator.compare(Field.FATHER, NameParser.parseWords("Ahmed"),
                NameParser.parseWords("أحمد"), frequencies).level()).isZero();
        assertThat(ParentComparator.compare(Field.FATHER, NameParser.parseWords("Ahmed"),
                NameParser.parseWords("أحمد بن علي"), frequencies).level()).isZero();
        assertThat(ParentComparator.compare(Field.MOTHER, NameParser.parseWords("Fatima Zahra"),
                NameParser.parseWords("فاطمة"), frequencies).level()).isEqualTo(1);
        assertThat(ParentComparator.compare(Field.MOTHER, NameParser.parseWords("Khadija"),
                NameParser.parseWords("فاطمة"), frequencies).level()).isEqualTo(2);
        assertThat(ParentComparator.compare(Field.MOTHER, List.of(),
                NameParser.parseWords("فاطمة"), frequencies).level()).isEqualTo(Field.MISSING);
    }

    @Test
    void aRareParentNameCarriesMoreBitsThanACommonOne() {
        RegistryFrequencies frequencies = RegistryFrequencies.ofCounts(Map.of("MHMD", 100, "BJM", 1), 1000);
        FieldOutcome common = ParentComparator.compare(Field.FATHER, NameParser.parseWords("Mohamed"),
                NameParser.parseWords("محمد"), frequencies);
        FieldOutcome rare = ParentComparator.compare(Field.FATHER, NameParser.parseWords("Boujemaa"),
                NameParser.parseWords("بوجمعة"), frequencies);
        assertThat(common.level()).isZero();
        assertThat(common.sharedBits()).isCloseTo(Math.log(10) / Math.log(2), within(1e-9));
        assertThat(rare.sharedBits()).isGreaterThan(common.sharedBits());
    }
}
