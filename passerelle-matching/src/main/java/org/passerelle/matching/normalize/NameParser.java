package org.passerelle.matching.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a name into {@link NameUnit}s. The Arabic article (al/el/l', its assimilated forms es-, ech-, er-, en- …)
 * carries no identity and is left out of keys; Abd and what follows it (Abdel Kader, Abd el-Kader, Abdelkader,
 * عبد القادر) form one unit, and so do ben/bin/ibn/bent, ould, ait and bou/abu with the name they introduce
 * (Bou Taleb is Boutaleb, Abu Zayd is Bouzid); a name and the "ad-din" after it are one unit too (Noureddine).
 */
public final class NameParser {
    private static final Set<String> LATIN_ARTICLES = Set.of("el", "al", "ul", "l", "ol", "il");
    private static final Set<String> LATIN_ABD = Set.of("abd", "abdel", "abdul", "abdal", "abdoul", "abdol", "abdil");
    /** Particles and the key they have in every script, so that ولد and "Ould" agree although their letters do not. */
    private static final Map<String, String> JOINING_PARTICLES = Map.ofEntries(
            Map.entry("ben", "BN"), Map.entry("bin", "BN"), Map.entry("ibn", "BN"), Map.entry("bn", "BN"),
            Map.entry("بن", "BN"), Map.entry("ابن", "BN"),
            Map.entry("bent", "BNT"), Map.entry("bint", "BNT"), Map.entry("بنت", "BNT"),
            Map.entry("ould", "WLD"), Map.entry("ouled", "WLD"), Map.entry("wald", "WLD"), Map.entry("ولد", "WLD"),
            Map.entry("اولاد", "WLD"),
            Map.entry("ait", "T"), Map.entry("ayt", "T"), Map.entry("ايت", "T"),
            Map.entry("bou", "B"), Map.entry("bu", "B"), Map.entry("abou", "B"), Map.entry("abu", "B"),
            Map.entry("بو", "B"), Map.entry("ابو", "B"));
    private static final String ABD_KEY = "BD";
    /** Titles written in front of names, as {@link LatinText} leaves them (Dr. is "dr", El-Hadj "el hadj"). */
    private static final Set<String> LATIN_HONORIFICS = Set.of("haji", "hajji", "hadji", "hajj", "hadj", "mullah",
            "mulla", "molla", "maulavi", "mawlawi", "maulvi", "molvi", "mawlavi", "qari", "sheikh", "shaikh", "sheik",
            "shaykh", "cheikh", "sayed", "sayyid", "sayyed", "syed", "sayid", "mufti", "akhund", "akhoond", "agha",
            "dr", "doctor");
    /** The same titles in Arabic script, normalised, their article cut (الحاج, الشيخ, السيد). */
    private static final Set<String> ARABIC_HONORIFICS = Set.of("حاج", "حاجي", "ملا", "مولوي", "مولوا", "قاري",
            "شيخ", "سيد", "مفتي", "اخوند", "اغا", "اقا", "دكتور", "د");
    /** "ad-din" as Latin spellings write it after its name, the article glued or apart. */
    private static final Set<String> LATIN_DIN = Set.of("eddine", "eddin", "edine", "uddin", "udin", "addin", "addine",
            "din", "dine", "deen");
    /** Key of a unit with no consonant at all (Aya, آية): vowels only, still a name. */
    private static final String VOWELS_ONLY_KEY = "A";
    private static final String ARABIC_ARTICLE_MARK = "_";
    /** Elamrani, Elidrissi: after a glued article, a name starting with a vowel is at least this long. */
    private static final int MIN_VOWEL_NAME_AFTER_ARTICLE = 5;
    private static final Set<String> SUN_CONSONANTS = Set.of("t", "th", "d", "dh", "r", "z", "s", "sh", "ch", "n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private NameParser() {
    }

    /** Parses one name of a record: "FAMILY, Given Names", or words in unknown order when there is no comma. */
    public static List<NameUnit> parse(String name) {
        int comma = name.indexOf(',');
        List<NameUnit> units = new ArrayList<>();
        if (comma < 0) {
            units.addAll(parsePart(name, NameUnit.Role.UNKNOWN));
        } else {
            units.addAll(parsePart(name.substring(0, comma), NameUnit.Role.FAMILY));
            units.addAll(parsePart(name.substring(comma + 1), NameUnit.Role.GIVEN));
        }
        return units;
    }

    /** Parses a free text that is not a personal name (a place, a parent's name) into units without roles. */
    public static List<NameUnit> parseWords(String text) {
        return parsePart(text, NameUnit.Role.UNKNOWN);
    }

    private static List<NameUnit> parsePart(String part, NameUnit.Role role) {
        boolean arabic = ArabicText.isArabic(part);
        String[] words = arabic ? arabicWords(part) : LatinText.normalise(part).split(" ");
        List<NameUnit> units = new ArrayList<>();
        if (words.length == 0 || words[0].isEmpty()) {
            return units;
        }
        // A family name written apart is a name even when it reads as a title (Cheikh, El Haj and Sayed are families).
        for (int i = role == NameUnit.Role.FAMILY ? 0 : afterHonorifics(words, arabic); i < words.length; i++) {
            if (i + 1 < words.length && isSeparateArticle(words[i], words[i + 1], arabic)) {
                continue;  // the next word is read without its article anyway
            }
            Span unit = unitAt(words, i, arabic);
            units.add(new NameUnit(unit.text(), unit.key(), role));
            i = unit.last();
        }
        return units;
    }

    /**
     * Where the name starts after the titles in front of it (Haji, Sayed, Sheikh, Mullah, Dr., الحاج, ملا …), which
     * records write as if they were names although they say nothing of who the person is: a title is no evidence for
     * a candidate and no disagreement with one. A title is kept when nothing else would be left (Sayed alone is a
     * given name), and only in front: Sayed, Agha or Haji inside a name are names.
     */
    private static int afterHonorifics(String[] words, boolean arabic) {
        Set<String> titles = arabic ? ARABIC_HONORIFICS : LATIN_HONORIFICS;
        int start = 0;
        while (start < words.length - 1) {
            String word = words[start];
            boolean articleThenTitle = !arabic && LATIN_ARTICLES.contains(word) && titles.contains(words[start + 1])
                    && start + 2 < words.length;
            if (articleThenTitle) {
                start += 2;
            } else if (titles.contains(arabic && word.startsWith(ARABIC_ARTICLE_MARK) ? word.substring(1) : word)) {
                start++;
            } else {
                break;
            }
        }
        return start;
    }

    /** One unit as written, its key, and the index of its last word. */
    private record Span(String text, String key, int last) {
    }

    /** The unit that starts at word {@code i}: a particle takes the unit after it (Ould Abd Allah is one unit). */
    private static Span unitAt(String[] words, int i, boolean arabic) {
        String word = words[i];
        boolean hasNext = i + 1 < words.length;
        if (hasNext && (arabic ? word.equals("عبد") : LATIN_ABD.contains(word))) {
            int governed = afterArticle(words, i + 1, arabic);
            return new Span(word + withoutMark(words[governed]), BridgeKey.glue(ABD_KEY, wordKey(words[governed])),
                    governed);
        }
        if (hasNext && JOINING_PARTICLES.containsKey(word)) {
            Span governed = unitAt(words, afterArticle(words, i + 1, arabic), arabic);
            return new Span(word + " " + governed.text(), BridgeKey.glue(JOINING_PARTICLES.get(word), governed.key()),
                    governed.last());
        }
        int din = hasNext ? dinOf(words, i, arabic) : -1;
        if (din > 0) {
            // Latin keys the compound glued: the h of Salah is final, and dropped as a taa marbuta's, only apart
            String key = arabic ? BridgeKey.glue(wordKey(word), wordKey(words[din])) : wordKey(word + words[din]);
            return new Span(withoutMark(word) + " " + withoutMark(words[din]), key, din);
        }
        return new Span(withoutMark(word), wordKey(word), i);
    }

    /** Word {@code i}, or the word after it when word {@code i} is an article standing apart. */
    private static int afterArticle(String[] words, int i, boolean arabic) {
        return i + 1 < words.length && isSeparateArticle(words[i], words[i + 1], arabic) ? i + 1 : i;
    }

    /**
     * Where the "ad-din" of a compound given name stands after word {@code i} (Salah Eddine, صلاح الدين, Nour-Eddine),
     * or -1: Latin spellings glue it as often as not (Salaheddine, Noureddine), so it is one unit with its name.
     */
    private static int dinOf(String[] words, int i, boolean arabic) {
        String next = words[i + 1];
        if (arabic ? next.equals(ARABIC_ARTICLE_MARK + "دين") : LATIN_DIN.contains(next)) {
            return i + 1;
        }
        boolean articleThenDin = i + 2 < words.length && isSeparateArticle(next, words[i + 2], arabic)
                && (arabic ? words[i + 2].equals("دين") : LATIN_DIN.contains(words[i + 2]));
        return articleThenDin ? i + 2 : -1;
    }

    /**
     * Normalised Arabic words; a glued article is marked by a leading {@value #ARABIC_ARTICLE_MARK}. It has to be
     * seen before normalisation, which turns the hamza of إلياس (Ilyas) into the same alef as the article's.
     */
    private static String[] arabicWords(String part) {
        List<String> words = new ArrayList<>();
        for (String raw : WHITESPACE.split(part.strip())) {
            String normalised = ArabicText.normalise(raw);
            String undotted = ArabicText.withoutMarks(raw);
            boolean article = (undotted.startsWith("ال") || undotted.startsWith("ٱل")) && normalised.length() >= 4;
            for (String word : normalised.split(" ")) {
                if (!word.isEmpty()) {
                    words.add(article && word.startsWith("ال")
                            ? ARABIC_ARTICLE_MARK + word.substring(2) : word);
                    article = false;
                }
            }
        }
        return words.toArray(String[]::new);
    }

    private static boolean isSeparateArticle(String word, String next, boolean arabic) {
        if (arabic) {
            return word.equals("ال");
        }
        if (LATIN_ARTICLES.contains(word)) {
            return true;
        }
        // "Ech Chaoui", "Es Semlali", "Er Rami": the article took the sound of the letter that follows it
        return word.length() >= 2 && word.length() <= 3 && "aeu".indexOf(word.charAt(0)) >= 0
                && SUN_CONSONANTS.contains(word.substring(1)) && next.startsWith(word.substring(1));
    }

    /**
     * Key of one word, without its article; a glued Abd (Abdelkader, عبدالقادر) keys like the separate one, and so
     * does a glued Ait before an h, which would otherwise read as th (Aithaddou, Ait Haddou).
     */
    static String wordKey(String word) {
        if (word.startsWith(ARABIC_ARTICLE_MARK)) {
            return orVowelsOnly(BridgeKey.of(word.substring(1)));
        }
        boolean arabic = ArabicText.isArabic(word);
        String abd = arabic ? "عبد" : "abd";
        if (word.startsWith(abd) && word.length() > abd.length() + 1) {
            return BridgeKey.glue(ABD_KEY, BridgeKey.of(withoutArticleAfterAbd(word.substring(abd.length()))));
        }
        if (!arabic && word.startsWith("ait") && word.length() > 5 && word.charAt(3) == 'h') {
            return BridgeKey.glue(JOINING_PARTICLES.get("ait"), BridgeKey.of(word.substring(3)));  // Aithaddou: t, then h
        }
        return orVowelsOnly(BridgeKey.of(arabic ? word : withoutArticle(word)));
    }

    /** A glued Arabic article is shown as written, ال included. */
    private static String withoutMark(String word) {
        return word.startsWith(ARABIC_ARTICLE_MARK) ? "ال" + word.substring(1) : word;
    }

    private static String orVowelsOnly(String key) {
        return key.isEmpty() ? VOWELS_ONLY_KEY : key;
    }

    /**
     * Drops a glued article: "elouafi" → "ouafi", "elkhattabi" → "khattabi", "elamrani" → "amrani". A short word
     * that merely starts with a vowel and l keeps it when a vowel follows (Alami, Elias, Alaoui), since there the l
     * belongs to the name; the vowel-dropping key gives the same result either way for the Arabic spelling.
     */
    static String withoutArticle(String word) {
        for (String article : List.of("el", "al")) {
            if (word.startsWith(article) && word.length() >= article.length() + 3) {
                char first = word.charAt(article.length());
                boolean consonantFollows = "aeiouy".indexOf(first) < 0 || word.startsWith("ou", article.length());
                if (consonantFollows || word.length() - article.length() >= MIN_VOWEL_NAME_AFTER_ARTICLE) {
                    return word.substring(article.length());
                }
            }
        }
        return word;
    }

    /** After Abd an article is certain (Abdelaziz, Abdulaziz, عبدالعزيز), whatever follows it. */
    private static String withoutArticleAfterAbd(String rest) {
        if (rest.startsWith("ال") && rest.length() >= 3) {
            return rest.substring(2);
        }
        for (String article : List.of("oul", "el", "al", "ul", "il", "ol")) {
            if (rest.startsWith(article) && rest.length() > article.length() + 1) {
                return rest.substring(article.length());
            }
        }
        return rest;
    }
}
