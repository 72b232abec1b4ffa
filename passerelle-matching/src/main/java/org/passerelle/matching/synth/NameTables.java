package org.passerelle.matching.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Moroccan names in both scripts, most frequent first, drawn with Zipf weights so that a few names are very common
 * and most are rare, as in any real registry; family names have the long tail of {@link FamilyNames}.
 */
final class NameTables {
    /** A name: its Arabic form and its Latin spellings, the first being the usual civil-status one. */
    record Name(String arabic, List<String> latin) {
    }

    final Zipf<Name> male = new Zipf<>(load("given-male.tsv"), 1.0);
    final Zipf<Name> female = new Zipf<>(load("given-female.tsv"), 1.0);
    final Zipf<Name> family = new Zipf<>(FamilyNames.ranked(load("family.tsv"), load("family-stems.tsv"), arabic(male, female)),
            FamilyNames.EXPONENT, FamilyNames.OFFSET);
    final Zipf<Name> berberStems = new Zipf<>(load("berber-roots.tsv"), 0.7);

    private static Set<String> arabic(Zipf<Name> male, Zipf<Name> female) {
        Set<String> arabic = new HashSet<>();
        male.all().forEach(name -> arabic.add(name.arabic()));
        female.all().forEach(name -> arabic.add(name.arabic()));
        return arabic;
    }

    private static List<Name> load(String file) {
        String resource = "/org/passerelle/matching/synth/" + file;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(NameTables.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            List<Name> names = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    names.add(new Name(fields[0], List.of(fields).subList(1, fields.length)));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
