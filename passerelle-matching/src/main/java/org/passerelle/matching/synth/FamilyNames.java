package org.passerelle.matching.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Family names with a long tail: the listed ones, then names built the way Moroccan ones are — Ben/Ould + a
 * father's name, Ait + a Berber stem, a nisba (El Hassani from Hassan), and double-barrelled names. A registry of
 * millions needs thousands of family names, or every person would have a dozen namesakes.
 */
final class FamilyNames {
    private FamilyNames() {
    }

    static NameTables.Name draw(NameTables names, Random random) {
        double kind = random.nextDouble();
        if (kind < 0.45) {
            return names.family.draw(random);
        }
        if (kind < 0.60) {
            return prefixed("بن", List.of("Ben ", "Ben", "Bin "), names.male.draw(random));
        }
        if (kind < 0.65) {
            return prefixed("ولد", List.of("Ould ", "Ould ", "Wald "), names.male.draw(random));
        }
        if (kind < 0.72) {
            return prefixed("آيت", List.of("Ait ", "Aït ", "Ait"), names.berberStems.draw(random));
        }
        if (kind < 0.80) {
            NameTables.Name nisba = nisba(names.male.draw(random));
            if (nisba != null) {
                return nisba;
            }
        }
        NameTables.Name first = names.family.draw(random);
        NameTables.Name second = names.family.all().get(random.nextInt(names.family.all().size()));
        return first.equals(second) ? first : doubleBarrelled(first, second);
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

    /** El Hassani from Hassan: only for one-word names ending in a consonant, where the suffix is plain -i. */
    private static NameTables.Name nisba(NameTables.Name stem) {
        String arabic = stem.arabic();
        if (arabic.contains(" ") || arabic.startsWith("ال") || "ةىايءه".indexOf(arabic.charAt(arabic.length() - 1)) >= 0) {
            return null;
        }
        String usual = stem.latin().getFirst();
        return new NameTables.Name("ال" + arabic + "ي",
                List.of(usual + "i", "El " + usual + "i", "Al-" + stem.latin().getLast() + "i"));
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
