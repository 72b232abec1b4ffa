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
    void lettersOfPersianUrduAndPashtoAreReadAsTheArabicLettersTheirLatinSpellingsFollow() {
        assertThat(ArabicText.normalise("پرویز")).isEqualTo("برويز");
        assertThat(ArabicText.normalise("چوہدری")).isEqualTo("شوهدري");
        assertThat(ArabicText.normalise("بھٹی")).isEqualTo("بهتي");
        assertThat(ArabicText.normalise("ګل ښکلے")).isEqualTo("ګل شكلي".replace('ګ', 'ڭ'));
        assertThat(ArabicText.normalise("ډاکټر")).isEqualTo("داكتر");
        assertThat(ArabicText.normalise("ژیلا")).isEqualTo("زيلا");
        assertThat(ArabicText.normalise("ڨرين")).isEqualTo(ArabicText.normalise("ݣرين")).isEqualTo("ڭرين");
        // every letter is kept: none of them splits a word any more
        assertThat(ArabicText.normalise("حکمتیار").split(" ")).hasSize(1);
    }

    @Test
    void presentationFormsAreReadAsTheLettersTheyDraw() {
        assertThat(ArabicText.normalise("ﻣﺤﻤﺪ")).isEqualTo("محمد");
        assertThat(ArabicText.normalise("ﻋﺒﺪ ﷲ")).isEqualTo("عبد الله");
        assertThat(ArabicText.normalise("ﻻﻟﺔ")).isEqualTo("لاله");
        assertThat(BridgeKey.of(ArabicText.normalise("ﻣﺤﻤﺪ"))).isEqualTo(BridgeKey.of("mohamed"));
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
