package org.passerelle.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalisationTest {
    @Test
    void arabicLosesDiacriticsTatweelAndHamzaSeats() {
        assertThat(ArabicText.normalise("مُحَمَّد")).isEqualTo("محمد");
        assertThat(ArabicText.normalise("محـــمد")).isEqualTo("محمد");
        assertThat(ArabicText.normalise("أحمد")).isEqualTo(ArabicText.normalise("احمد"));
        assertThat(ArabicText.normalise("إبراهيم")).isEqualTo("ابراهيم");
        assertThat(ArabicText.normalise("آمنة")).isEqualTo("امنه");
    }

    @Test
    void arabicUnifiesTaaMarbutaAlefMaqsuraAndPersianLetters() {
        assertThat(ArabicText.normalise("فاطمة")).isEqualTo("فاطمه");
        assertThat(ArabicText.normalise("مصطفى")).isEqualTo("مصطفا");
        assertThat(ArabicText.normalise("یوسف")).isEqualTo("يوسف");
        assertThat(ArabicText.normalise("کريم")).isEqualTo("كريم");
    }

    @Test
    void arabicSeparatesWordsOnAnythingElse() {
        assertThat(ArabicText.normalise("محمد، الوافي")).isEqualTo("محمد الوافي");
        assertThat(ArabicText.isArabic("Mohamed")).isFalse();
        assertThat(ArabicText.isArabic("محمد")).isTrue();
    }

    @Test
    void latinLosesCaseAccentsApostrophesAndHyphens() {
        assertThat(LatinText.normalise("Aït-Ben-Haddou")).isEqualTo("ait ben haddou");
        assertThat(LatinText.normalise("M'HAMED")).isEqualTo("mhamed");
        assertThat(LatinText.normalise("Saïd  Él-Fassi")).isEqualTo("said el fassi");
        assertThat(LatinText.normalise("Laâyoune")).isEqualTo("laayoune");
    }

    @Test
    void latinElisionBecomesAWord() {
        assertThat(LatinText.normalise("l'Houcine")).isEqualTo("l houcine");
        assertThat(LatinText.normalise("Ben l’Mekki")).isEqualTo("ben l mekki");
    }

    @Test
    void cedillaIsAnS() {
        assertThat(LatinText.normalise("Françoise")).isEqualTo("fransoise");
    }
}
