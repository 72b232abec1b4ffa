package org.passerelle.matching.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.normalize.NameParser;
import org.passerelle.matching.normalize.NameUnit;

/** The family names of the synthetic registry have the skew and the tail of a real civil registry. */
class FamilyNamesTest {
    private static final NameTables NAMES = new NameTables();

    @Test
    void noFamilyNameIsHeldByMoreThanTwoPercentAndTheTailIsLong() {
        Random random = new Random(1);
        int draws = 500_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            counts.merge(FamilyNames.draw(NAMES, random).arabic(), 1, Integer::sum);
        }
        List<Integer> byFrequency = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
        double top = byFrequency.getFirst() / (double) draws;
        double topTen = byFrequency.subList(0, 10).stream().mapToInt(Integer::intValue).sum() / (double) draws;
        assertThat(top).as("share of the commonest family name").isBetween(0.008, 0.02);
        assertThat(topTen).as("share of the ten commonest").isBetween(0.05, 0.12);
        assertThat(counts).as("distinct family names in %,d people", draws).hasSizeGreaterThan(30_000);
    }

    @Test
    void everyLatinSpellingOfATailNameSharesTheKeyOfItsArabic() {
        List<NameTables.Name> tail = NAMES.family.all().subList(200, NAMES.family.all().size());
        assertThat(tail).hasSizeGreaterThan(8_000);
        int spellings = 0;
        int agreeing = 0;
        for (NameTables.Name name : tail) {
            String arabic = keys(name.arabic());
            for (String latin : name.latin()) {
                spellings++;
                agreeing += keys(latin).equals(arabic) ? 1 : 0;
            }
        }
        assertThat(agreeing / (double) spellings).isGreaterThan(0.97);
    }

    private static String keys(String name) {
        return String.join(" ", NameParser.parseWords(name).stream().map(NameUnit::key).toList());
    }

    @Test
    void latinVariantsFollowClericalConventions() {
        assertThat(LatinVariants.extend(List.of("Bouchaib"), 3)).containsExactly("Bouchaib", "Buchaib", "Boushaib");
        assertThat(LatinVariants.extend(List.of("Jabri"), 3)).containsExactly("Jabri", "Djabri", "Jebri");
        assertThat(LatinVariants.extend(List.of("Qassab", "Kassab"), 3)).containsExactly("Qassab", "Kassab", "Qasab")
                .doesNotHaveDuplicates();
        assertThat(LatinVariants.extend(List.of("Wahbi"), 2)).containsExactly("Wahbi", "Ouahbi");
    }
}
