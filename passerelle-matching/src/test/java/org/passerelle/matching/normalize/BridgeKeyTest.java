package org.passerelle.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeKeyTest {
    /** Each row: an Arabic spelling, then French-style, English-style and scholarly Latin ones. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "محمد;Mohamed;Mohammed;Muhammad;M'hamed",
            "يوسف;Youssef;Yousef;Yusuf;Youcef",
            "شعيب;Chouaib;Shuaib;Shu'ayb;Chouaïb",
            "جمال;Djamel;Jamal;Gamal;Jamel",
            "خالد;Khalid;Khaled;Xalid;Khalid",
            "غزلان;Ghizlane;Ghizlan;Ghazlan;Ghezlane",
            "قاسم;Kacem;Qasim;Kassem;Qassim",
            "رشيد;Rachid;Rashid;Rasheed;Rachid",
            "وليد;Oualid;Walid;Waleed;Walid",
            "هشام;Hicham;Hisham;Hesham;Hichem",
            "مصطفى;Moustapha;Mustafa;Mostafa;Mustapha",
            "فاطمة;Fatima;Fatimah;Fatma;Fattouma",
            "خديجة;Khadija;Khadidja;Khadijah;Khadiga",
            "عائشة;Aicha;Aisha;A'isha;Aïcha",
            "إبراهيم;Brahim;Ibrahim;Ibraheem;Ebrahim",
            "زينب;Zineb;Zaynab;Zeinab;Zainab",
            "الوافي;Elouafi;El Ouafi;Al-Wafi;El-Ouafi",
            "العلوي;Alaoui;El Alaoui;Al-Alawi;Alaoui",
            "الخطابي;Elkhattabi;El Khattabi;Al-Khattabi;El Khattabi",
            "عبد الرحمن;Abderrahmane;Abdul Rahman;Abd al-Rahman;Abderrahman",
            "عبد القادر;Abdelkader;Abdul Qadir;Abd el-Kader;Abdel Kader",
            "عبد العزيز;Abdelaziz;Abdulaziz;Abd al-Aziz;Abdel Aziz",
            "عبد الله;Abdellah;Abdullah;Abd Allah;Abdallah",
            "عبدالإله;Abdelilah;Abdul Ilah;Abd al-Ilah;Abdelilah",
            "بن علي;Benali;Ben Ali;Bin Ali;Ibn Ali",
            "ولد أحمد;Ould Ahmed;Wald Ahmad;Ould Ahmed;Ould Ahmed",
            "آيت باها;Ait Baha;Aït Baha;Ayt Baha;Aitbaha",
            "العمراني;Elamrani;El Amrani;Al-Amrani;Amrani",
            "الناصري;Ennaciri;En-Nasiri;Al-Nasiri;Naciri",
            "الشاوي;Ech-Chaoui;Chaoui;Al-Shawi;Ech Chaoui",
            "إلياس;Ilyas;Ilias;Elyas;Ilyass",
            "الغربي;Rharbi;Gharbi;Al-Gharbi;El Rharbi",
            "بوزيد;Bouzid;Abu Zayd;Bou Zid;Abou Zaid",
            "بوطالب;Boutaleb;Bou Taleb;Abu Talib;Boutalib",
            "حياة;Hayat;Hayat;Hayat;Hayate",
            "آيت حدو;Ait Haddou;Ait Haddu;Ayt Haddu;Aithaddou",
            "الحمداوي;Hamdaoui;Hamdawi;Al-Hamdawi;El Hamdaoui",
            "الإدريسي;Idrissi;Idrisi;Al-Idrisi;Drissi",
            "مصطفى;Moustapha;Mustafa;Mustafa;Mostafa",
            "علي;Ali;Aly;Ali;Alie",
            "جميلة;Jamila;Jamilah;Jamila;Djamila",
            "فرحات;Farhat;Farhat;Farhat;Ferhat",
            "نور الدين;Noureddine;Nur al-Din;Nur ad-Din;Nour Eddine",
            "صلاح الدين;Salaheddine;Salah al-Din;Salah ad-Din;Salah-Eddine",
            "ولد عبد الله;Ould Abdellah;Wald Abdullah;Ould Abd Allah;Ould Abdallah",
    })
    void arabicAndLatinSpellingsShareOneKey(String arabic, String french, String english, String scholarly, String other) {
        String key = keyOf(arabic);
        assertThat(List.of(keyOf(french), keyOf(english), keyOf(scholarly), keyOf(other)))
                .as("keys of the Latin spellings of %s", arabic)
                .containsOnly(key);
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(keyOf("Mohamed")).isNotEqualTo(keyOf("Ahmed"));
        assertThat(keyOf("Hamdaoui")).isNotEqualTo(keyOf("Ahmed"));
        assertThat(keyOf("Idrissi")).isNotEqualTo(keyOf("Driss"));
        assertThat(keyOf("Karimi")).isNotEqualTo(keyOf("Karim"));
        assertThat(keyOf("Khalid")).isNotEqualTo(keyOf("Kalid"));
        assertThat(keyOf("Youssef")).isNotEqualTo(keyOf("Sofiane"));
    }

    @Test
    void distanceCountsTyposAndTranspositions() {
        assertThat(BridgeKey.distance("MHMD", "MHMD")).isZero();
        assertThat(BridgeKey.distance("MHMD", "MHND")).isEqualTo(1);
        assertThat(BridgeKey.distance("MHMD", "HMMD")).isEqualTo(1);
        assertThat(BridgeKey.distance("MHMD", "MHD")).isEqualTo(1);
        assertThat(BridgeKey.distance("", "ABC")).isEqualTo(3);
    }

    private static String keyOf(String spelling) {
        List<NameUnit> units = NameParser.parseWords(spelling);
        assertThat(units).as("units of %s", spelling).hasSize(1);
        return units.getFirst().key();
    }
}
