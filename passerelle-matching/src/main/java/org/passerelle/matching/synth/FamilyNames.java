package org.passerelle.matching.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Family names with a realistic long tail. A ranked list — the hand-written common names first, then a tail built
 * from Arabic–Latin word pairs of Wikidata the way Moroccan names are built (the word itself, its nisba El Khatibi,
 * Ben Khatib, Boukhatib) — is drawn with Zipf–Mandelbrot weights, so that the commonest name is held by about 1.5%
 * of people and the top ten by about 9%, as in Moroccan civil status, where no family name reaches a few percent.
 * Beside it: patronymics (Ben/Ould + a given name), Ait + a Berber stem, and double-barrelled names.
 */
final class FamilyNames {
    /** Zipf–Mandelbrot parameters of the ranked list, chosen for the shares above (measured in the tests). */
    static final double EXPONENT = 1.0;
    static final double OFFSET = 8;
    /** Names kept per stem spelling list, variants included: as many as the hand-written table usually gives. */
    private static final int SPELLINGS = 3;

    private FamilyNames() {
    }

    static NameTables.Name draw(NameTables names, Random random) {
        double kind = random.nextDouble();
        if (kind < 0.03) {
            return prefixed("بن", List.of("Ben ", "Ben", "Bin "), names.male.draw(random));
        }
        if (kind < 0.04) {
            return prefixed("ولد", List.of("Ould ", "Ould ", "Wald "), names.male.draw(random));
        }
        if (kind < 0.08) {
            return prefixed("آيت", List.of("Ait ", "Aït ", "Ait"), names.berberStems.draw(random));
        }
        if (kind < 0.16) {
            NameTables.Name first = names.family.draw(random);
            NameTables.Name second = names.family.draw(random);
            return first.equals(second) ? first : doubleBarrelled(first, second);
        }
        return names.family.draw(random);
    }

    /**
     * The ranked list: the listed names, then for each stem (most frequent first) the forms a Moroccan family name
     * takes. A stem that is a given name is not a family name alone (Mohamed), only inside Ben/Bou and the nisba.
     */
    static List<NameTables.Name> ranked(List<NameTables.Name> listed, List<NameTables.Name> stems, Set<String> givenNames) {
        List<NameTables.Name> ranked = new ArrayList<>(listed);
        Set<String> seen = new LinkedHashSet<>();
        listed.forEach(name -> seen.add(name.arabic()));
        for (NameTables.Name stem : stems) {
            if (seen.contains(stem.arabic())) {
                continue;
            }
            List<String> spellings = LatinVariants.extend(stem.latin(), SPELLINGS);
            List<NameTables.Name> forms = new ArrayList<>();
            if (stem.arabic().startsWith("ال")) {
                forms.add(new NameTables.Name(stem.arabic(), withArticle(spellings)));
            } else {
                if (!givenNames.contains(stem.arabic())) {
                    forms.add(new NameTables.Name(stem.arabic(), spellings));
                }
                NameTables.Name nisba = nisba(stem.arabic(), spellings);
                if (nisba != null) {
                    forms.add(nisba);
                }
                forms.add(prefixed("بن", List.of("Ben", "Ben ", "Ben"), new NameTables.Name(stem.arabic(), spellings)));
                forms.add(new NameTables.Name("بو" + stem.arabic(), spellings.stream()
                        .map(spelling -> "Bou" + spelling.toLowerCase(Locale.ROOT)).toList()));
            }
            forms.stream().filter(form -> seen.add(form.arabic())).forEach(ranked::add);
        }
        return ranked;
    }

    /** Khedairi, El Khedairi: the article is written or not; it is never part of the key. */
    private static List<String> withArticle(List<String> spellings) {
        List<String> latin = new ArrayList<>(spellings);
        latin.add(1, "El " + spellings.getFirst());
        return List.copyOf(latin);
    }

    /** "Ben" + name: the glued form lower-cases the name it absorbs (Benmohamed). */
    private static NameTables.Name prefixed(String arabic, List<String> latinPrefixes, NameTables.Name stem) {
        List<String> latin = new ArrayList<>();
        for (int i = 0; i < stem.latin().size(); i++) {
            String prefix = latinPrefixes.get(i % latinPrefixes.size());
            String spelling = stem.latin().get(i);
            latin.add(prefix.endsWith(" ") ? prefix + spelling : prefix + spelling.toLowerCase(Locale.ROOT).replace(" ", ""));
        }
        return new NameTables.Name(arabic + " " + stem.arabic(), latin);
    }

    /** El Khatibi from Khatib: only for words ending in a consonant, where the suffix is plain -i. */
    private static NameTables.Name nisba(String arabic, List<String> spellings) {
        if ("ةىايءهو".indexOf(arabic.charAt(arabic.length() - 1)) >= 0) {
            return null;
        }
        String usual = spellings.getFirst();
        Set<String> latin = new LinkedHashSet<>(List.of(usual + "i", "El " + usual + "i", spellings.getLast() + "i"));
        return new NameTables.Name("ال" + arabic + "ي", List.copyOf(latin));
    }

    private static NameTables.Name doubleBarrelled(NameTables.Name first, NameTables.Name second) {
        List<String> latin = new ArrayList<>();
        int variants = Math.min(first.latin().size(), second.latin().size());
        for (int i = 0; i < variants; i++) {
            latin.add(first.latin().get(i) + " " + second.latin().get(i));
        }
        return new NameTables.Name(first.arabic() + " " + second.arabic(), latin);
    }
}
