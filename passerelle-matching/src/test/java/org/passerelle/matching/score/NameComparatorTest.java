package org.passerelle.matching.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.normalize.NameParser;
import org.passerelle.matching.normalize.NameUnit;

class NameComparatorTest {
    /** A registry of 1,000,000 where MHMD is held by 150,000 records, YSF (Youssef) by 40,000 and WF by 5. */
    private static final RegistryFrequencies FREQUENCIES = RegistryFrequencies.ofCounts(
            Map.of("MHMD", 150_000, "WF", 5, "LMY", 8_000, "HMD", 60_000, "CB", 900, "YSF", 40_000,
                    "FT", 20, "FTM", 120_000), 1_000_000);

    private static List<List<NameUnit>> names(String... names) {
        return List.of(names).stream().map(NameParser::parse).toList();
    }

    @Test
    void sameNameAcrossScriptsAndOrderIsCompleteAndRare() {
        FieldOutcome outcome = NameComparator.compare(names("Mohamed EL OUAFI"),
                names("الوافي, محمد", "ELOUAFI, MOHAMMED"), FREQUENCIES);
        assertThat(Field.NAMES.levelName(outcome.level())).isEqualTo("full, rare");
        assertThat(outcome.detail()).contains("ouafi").contains("mohamed");
    }

    @Test
    void commonNamesAgreeingIsNotRare() {
        FieldOutcome outcome = NameComparator.compare(names("Mohamed Alami"), names("ALAMI, Mohammed"), FREQUENCIES);
        assertThat(Field.NAMES.levelName(outcome.level())).isEqualTo("full");
    }

    @Test
    void extraRegistryPartsStillCoverTheQuery() {
        FieldOutcome outcome = NameComparator.compare(names("Ouafi, Chouaib"),
                names("EL OUAFI, Chouaib Ahmed"), FREQUENCIES);
        assertThat(Field.NAMES.levelName(outcome.level())).isEqualTo("covered, rare");
    }

    @Test
    void agreeingOnMohamedAloneSaysLittle() {
        FieldOutcome outcome = NameComparator.compare(names("Mohamed Ouafi"), names("Mohamed Alami"), FREQUENCIES);
        assertThat(Field.NAMES.levelName(outcome.level())).isEqualTo("some");
    }

    @Test
    void aTypoInALongKeyStillAligns() {
        NameAlignment alignment = NameAlignment.align(NameParser.parse("Chouaib Benkirane"),
                NameParser.parse("Chouaib Benkiraze"), FREQUENCIES);
        assertThat(alignment.pairs()).hasSize(2);
        assertThat(alignment.complete()).isFalse();
        assertThat(NameAlignment.similarity(unit("Benkirane"), unit("Benkiraze"), FREQUENCIES)).isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Karim"), unit("Maryam"), FREQUENCIES)).as("too short to tell a typo from another name")
                .isZero();
        assertThat(NameAlignment.similarity(unit("Wafi"), unit("Lafi"), FREQUENCIES)).isZero();
    }

    @Test
    void aLatinSlipInAShortNameAlignsButAnotherNameDoesNot() {
        assertThat(NameAlignment.similarity(unit("Jcbri"), unit("Jabri"), FREQUENCIES)).isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Aiha"), unit("عائشة"), FREQUENCIES)).as("no Latin spelling shows the slip").isZero();
        assertThat(NameAlignment.similarity(unit("Aiha"), unit("Aicha"), FREQUENCIES)).isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Ahmed"), unit("Mohamed"), FREQUENCIES)).isZero();
        assertThat(NameAlignment.similarity(unit("Racihda"), unit("Rachida"), FREQUENCIES))
                .as("a slip inside a digraph: keys two apart, letters one").isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Mkihail"), unit("Mikhail"), FREQUENCIES)).isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Racihda"), unit("Rashid"), FREQUENCIES)).isZero();
    }

    @Test
    void aSpellingNobodyHasOneSlipFromACommonNameIsATypoEvenWhenShort() {
        assertThat(NameAlignment.similarity(unit("Youef"), unit("يوسف"), FREQUENCIES))
                .as("YF is no one's key, YSF is Youssef's").isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Wafi"), unit("يوسف"), FREQUENCIES)).as("two edits").isZero();
        assertThat(NameAlignment.similarity(unit("Fattoua"), unit("فاطمة"), FREQUENCIES))
                .as("FT is a few family names' key, FTM is Fatima's").isEqualTo(NameAlignment.TYPO_SIMILARITY);
        assertThat(NameAlignment.similarity(unit("Youef"), unit("Yakouf"), FREQUENCIES))
                .as("one edit from a name nobody has either").isZero();
    }

    @Test
    void aFusedArticleOrAnInitialWawWrittenOuIsTheSameName() {
        assertThat(NameAlignment.similarity(unit("Lahcen"), unit("الحسين"), FREQUENCIES)).isEqualTo(1);
        assertThat(NameAlignment.similarity(unit("الأزرق"), unit("Lazrak"), FREQUENCIES)).isEqualTo(1);
        assertThat(NameAlignment.similarity(unit("Oudghiri"), unit("الودغيري"), FREQUENCIES)).isEqualTo(1);
        assertThat(NameAlignment.similarity(unit("Osmane"), unit("عثمان"), FREQUENCIES)).isEqualTo(1);
        assertThat(NameAlignment.similarity(unit("Lahmar"), unit("حمر"), FREQUENCIES)).as("no article to fuse")
                .isLessThan(1);
        assertThat(NameAlignment.similarity(unit("Lahcen"), unit("Hassan"), FREQUENCIES)).as("two Latin spellings")
                .isLessThan(1);
    }

    @Test
    void aNameGluedOnOneSideAndSplitOnTheOtherAlignsWhole() {
        NameAlignment glued = NameAlignment.align(NameParser.parseWords("Fatimazahra"),
                NameParser.parseWords("فاطمة الزهراء"), FREQUENCIES);
        assertThat(glued.queryCoverage()).isEqualTo(1);
        assertThat(glued.candidateCoverage()).isEqualTo(1);
        NameAlignment split = NameAlignment.align(NameParser.parse("Abdellah BEEN SOUFIANE"),
                NameParser.parse("BENSOUFIANE, Abdellah"), FREQUENCIES);
        assertThat(split.queryCoverage()).as("the typo hid the particle, the letters still glue").isEqualTo(1);
        assertThat(split.describe()).contains("been soufiane~bensoufiane");
        assertThat(NameAlignment.align(NameParser.parse("Abdellah BEN KIRANE"), NameParser.parse("BENSOUFIANE, Abdellah"),
                FREQUENCIES).queryCoverage()).isLessThan(1);
    }

    private static NameUnit unit(String word) {
        return NameParser.parseWords(word).getFirst();
    }

    @Test
    void noCommonUnitIsNone() {
        FieldOutcome outcome = NameComparator.compare(names("Youssef Ouafi"), names("Karim Bennani"), FREQUENCIES);
        assertThat(Field.NAMES.levelName(outcome.level())).isEqualTo("none");
        assertThat(NameComparator.compare(names(), names("Karim"), FREQUENCIES).level()).isEqualTo(Field.MISSING);
    }
}
