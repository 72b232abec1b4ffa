package org.passerelle.bench.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import no.priv.garshol.duke.Cleaner;

/**
 * Gives Duke what it can compare: the first name in Latin script of a {@code |}-separated names column, lower-cased,
 * without accents or punctuation, its words sorted so that the order (family first or last) does not matter.
 * Duke does not cross scripts; a record with Arabic names only keeps nothing.
 */
public final class LatinNameCleaner implements Cleaner {
    @Override
    public String clean(String names) {
        for (String name : names.split("\\|")) {
            if (name.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                String folded = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "").replaceAll("[^a-z]+", " ").strip();
                return Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).sorted().collect(Collectors.joining(" "));
            }
        }
        return "";
    }
}
