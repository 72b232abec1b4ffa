package org.passerelle.matching.synth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other Latin spellings of a name, as French, English and Maghrebi clerks write the same sounds: ou/u/w, ch/sh,
 * dj/j, q/k, ee/i, a doubled consonant written once, an unwritten vowel heard as a or e. The hand-written tables
 * list such variants; the names taken from Wikidata come with one or two spellings, and a clerk would not be
 * bound by them either.
 */
final class LatinVariants {
    private record Rule(Pattern pattern, String replacement) {
    }

    /** In order of how often clerks vary them; each rule rewrites its first occurrence only. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("ou"), "u"),
            new Rule(Pattern.compile("(?<![cs])h?w"), "ou"),
            new Rule(Pattern.compile("sh"), "ch"),
            new Rule(Pattern.compile("(?<![st])ch"), "sh"),
            new Rule(Pattern.compile("dj"), "j"),
            new Rule(Pattern.compile("(?<!d)j"), "dj"),
            new Rule(Pattern.compile("q"), "k"),
            new Rule(Pattern.compile("ee"), "i"),
            new Rule(Pattern.compile("([bdfklmnrstz])\\1"), "$1"),
            new Rule(Pattern.compile("(?<=.)e"), "a"),
            new Rule(Pattern.compile("(?<=.)a(?!a)"), "e"));

    private LatinVariants() {
    }

    /** Up to {@code count} spellings, the given ones first, then variants of the first one. */
    static List<String> extend(List<String> spellings, int count) {
        Set<String> all = new LinkedHashSet<>(spellings);
        String first = spellings.getFirst().toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (all.size() >= count) {
                break;
            }
            Matcher matcher = rule.pattern().matcher(first);
            if (matcher.find()) {
                StringBuilder variant = new StringBuilder();
                matcher.appendReplacement(variant, rule.replacement());
                matcher.appendTail(variant);
                all.add(capitalised(variant.toString()));
            }
        }
        return List.copyOf(all);
    }

    static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
