package org.passerelle.matching.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;

/**
 * How a French prefecture writes a person down: Latin script only, another spelling of each name now and then,
 * given and family names in either order, a second given name or half a double name dropped, a typo, a
 * French spelling of the town; which other fields it gives, and how its date goes wrong, is the {@link QueryNoise}.
 */
final class FrenchSideNoise {
    private FrenchSideNoise() {
    }

    static PersonRecord query(String id, SyntheticPerson person, QueryNoise noise, Random random) {
        List<String> names = new ArrayList<>();
        names.add(name(person, random));
        if (random.nextDouble() < 0.1) {
            names.add(name(person, random));  // an alias: the same person recorded twice under two spellings
        }
        Sex sex = random.nextDouble() < 0.97 ? person.sex() : Sex.UNKNOWN;
        String place = random.nextDouble() < noise.placeMissing ? "" : frenchPlace(person, random);
        String father = random.nextDouble() < noise.fatherGiven ? maybeTypo(spelling(person.father(), -1, random), random) : "";
        String mother = random.nextDouble() < noise.motherGiven ? maybeTypo(spelling(person.mother(), -1, random), random) : "";
        return new PersonRecord(id, names, sex, noise.dates(person.birthDate(), random), place, father, mother);
    }

    private static String name(SyntheticPerson person, Random random) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < person.given().size(); i++) {
            if (i == 0 || random.nextDouble() < 0.6) {
                given.add(spelling(person.given().get(i), person.officialSpellings()[i], random));
            }
        }
        String family = spelling(person.family(), person.officialSpellings()[person.given().size()], random);
        if (family.contains(" ") && random.nextDouble() < 0.2) {
            family = shortened(family, random);
        }
        String givenText = maybeTypo(String.join(" ", given), random);
        family = maybeTypo(family, random).toUpperCase(Locale.ROOT);
        double order = random.nextDouble();
        if (order < 0.5) {
            return family + ", " + givenText;
        }
        return order < 0.8 ? givenText + " " + family : family + " " + givenText;
    }

    /**
     * The name without its article (El Ouafi → Ouafi), or half of a double name (Bennani Jirari → Jirari); a name
     * with Ben, Ould or Ait keeps its particle, which no clerk drops.
     */
    private static String shortened(String family, Random random) {
        String[] parts = family.split(" ");
        String first = parts[0].toLowerCase(Locale.ROOT);
        if (first.equals("el") || first.equals("al")) {
            return family.substring(parts[0].length() + 1);
        }
        if (parts.length != 2 || List.of("ben", "bin", "ould", "wald", "ait", "aït").contains(first)) {
            return family;
        }
        return parts[random.nextInt(2)];
    }

    /** The registry's spelling half the time, else any of the name's Latin spellings. */
    private static String spelling(NameTables.Name name, int official, Random random) {
        if (official >= 0 && random.nextDouble() < 0.5) {
            return name.latin().get(official);
        }
        return name.latin().get(random.nextInt(name.latin().size()));
    }

    /** One typo in one text in ten: a letter replaced, dropped, doubled or swapped with the next. */
    private static String maybeTypo(String text, Random random) {
        if (text.length() < 4 || random.nextDouble() >= 0.1) {
            return text;
        }
        StringBuilder typo = new StringBuilder(text);
        int at = 1 + random.nextInt(text.length() - 2);
        if (!Character.isLetter(typo.charAt(at)) || !Character.isLetter(typo.charAt(at + 1))) {
            return text;
        }
        switch (random.nextInt(4)) {
            case 0 -> typo.setCharAt(at, (char) ('a' + random.nextInt(26)));
            case 1 -> typo.deleteCharAt(at);
            case 2 -> typo.insert(at, typo.charAt(at));
            default -> {
                char c = typo.charAt(at);
                typo.setCharAt(at, typo.charAt(at + 1));
                typo.setCharAt(at + 1, c);
            }
        }
        return typo.toString();
    }

    /** French spellings come first in the gazetteer's Latin list; the others appear too. */
    private static String frenchPlace(SyntheticPerson person, Random random) {
        List<String> latin = person.birthPlace().latin();
        return random.nextDouble() < 0.7 ? latin.getFirst() : latin.get(random.nextInt(latin.size()));
    }
}
