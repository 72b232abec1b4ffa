package org.passerelle.matching.synth;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;

/**
 * How the Moroccan registry writes a person: the name in Arabic and in Latin script with the family name first,
 * the full birth date (a year alone for a few old records), the place in one script or the other, parents' given
 * names mostly in Arabic.
 */
final class MoroccanRegistryStyle {
    private MoroccanRegistryStyle() {
    }

    static PersonRecord record(String id, SyntheticPerson person, Random random) {
        String arabic = person.family().arabic() + ", "
                + person.given().stream().map(NameTables.Name::arabic).collect(Collectors.joining(" "));
        StringBuilder latinGiven = new StringBuilder();
        for (int i = 0; i < person.given().size(); i++) {
            latinGiven.append(i == 0 ? "" : " ").append(person.given().get(i).latin().get(person.officialSpellings()[i]));
        }
        String latinFamily = person.family().latin().get(person.officialSpellings()[person.given().size()]);
        String latin = latinFamily.toUpperCase(Locale.ROOT) + ", " + latinGiven;
        BirthDate date = random.nextDouble() < 0.03 ? new BirthDate(person.birthDate().year(), 0, 0) : person.birthDate();
        String place = random.nextBoolean() ? person.birthPlace().arabic()
                : person.birthPlace().latin().getFirst().toUpperCase(Locale.ROOT);
        String father = random.nextDouble() < 0.8 ? person.father().arabic() : person.father().latin().getFirst();
        String mother = random.nextDouble() < 0.8 ? person.mother().arabic() : person.mother().latin().getFirst();
        return new PersonRecord(id, List.of(arabic, latin), person.sex(), List.of(date), place, father, mother);
    }
}
