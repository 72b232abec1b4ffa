package org.passerelle.matching.synth;

import java.util.List;
import java.util.Random;

import org.passerelle.matching.BirthDate;
import org.passerelle.matching.Sex;
import org.passerelle.matching.normalize.Places;

/**
 * One invented person, before either side has written them down.
 *
 * @param officialSpellings index of the Latin spelling the registry uses for each given name, then the family name
 */
record SyntheticPerson(Sex sex, List<NameTables.Name> given, NameTables.Name family, BirthDate birthDate,
                       Places.Place birthPlace, NameTables.Name father, NameTables.Name mother,
                       int[] officialSpellings) {

    /** Draws a person with Moroccan name, date and place frequencies. */
    static SyntheticPerson draw(NameTables names, Zipf<Places.Place> places, Random random) {
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        Zipf<NameTables.Name> givenTable = sex == Sex.M ? names.male : names.female;
        NameTables.Name first = givenTable.draw(random);
        List<NameTables.Name> given = random.nextDouble() < 0.3
                ? List.of(first, distinct(givenTable, first, random)) : List.of(first);
        NameTables.Name family = FamilyNames.draw(names, random);
        int[] official = new int[given.size() + 1];
        for (int i = 0; i < given.size(); i++) {
            official[i] = officialSpelling(given.get(i), random);
        }
        official[given.size()] = officialSpelling(family, random);
        return new SyntheticPerson(sex, given, family, birthDate(random), places.draw(random),
                names.male.draw(random), names.female.draw(random), official);
    }

    /** Civil status mostly uses the usual French-style spelling, sometimes another one. */
    private static int officialSpelling(NameTables.Name name, Random random) {
        return random.nextDouble() < 0.75 ? 0 : random.nextInt(name.latin().size());
    }

    private static NameTables.Name distinct(Zipf<NameTables.Name> table, NameTables.Name other, Random random) {
        NameTables.Name name = table.draw(random);
        while (name.equals(other)) {
            name = table.draw(random);
        }
        return name;
    }

    /** Years 1950–2009, more people born in the 1980s–2000s, as in a population of working age and minors. */
    private static BirthDate birthDate(Random random) {
        int year = 1950 + (int) Math.min(59, Math.abs(random.nextGaussian() * 12 + 40));
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        return new BirthDate(year, month, day);
    }
}
