package org.passerelle.matching;

import java.util.List;
import java.util.Objects;

/**
 * A person as a registry or a request describes them, in the shape of the CSV contract. Names are raw: one entry
 * per spelling or script, "FAMILY, Given" when the order is known. Empty text means unknown.
 */
public record PersonRecord(String id, List<String> names, Sex sex, List<BirthDate> birthDates, String birthPlace,
                           String fatherName, String motherName) {
    public PersonRecord {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        Objects.requireNonNull(sex, "sex");
        birthDates = List.copyOf(birthDates);
        birthPlace = Objects.requireNonNullElse(birthPlace, "");
        fatherName = Objects.requireNonNullElse(fatherName, "");
        motherName = Objects.requireNonNullElse(motherName, "");
    }
}
