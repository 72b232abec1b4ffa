package org.passerelle.matching.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Latin spelling normalisation: case, accents, apostrophes and hyphens. French records write "Aït-Ben-Haddou",
 * "M'hamed", "l'Houcine"; English ones "Ait Ben Haddou", "Mhamed"; the person is the same.
 */
public final class LatinText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** An elided article before a name ("l'Houcine", "d'Oujda") is a word of its own. */
    private static final Pattern ELISION = Pattern.compile("\\b([ld])'");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´ʻʿʾ]");

    private LatinText() {
    }

    /** Lower-case ASCII letters separated by single spaces. */
    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace('ç', 's')  // a cedilla always sounds s; without it "c" before "a" would read k
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String unified = APOSTROPHES.matcher(unaccented).replaceAll("'");
        String elided = ELISION.matcher(unified).replaceAll("$1 ");
        StringBuilder out = new StringBuilder(elided.length());
        for (int i = 0; i < elided.length(); i++) {
            char c = elided.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c != '\'') {  // "M'hamed" is one word: the apostrophe marks a dropped vowel
                out.append(' ');
            }
        }
        return Spaces.collapse(out);
    }
}
