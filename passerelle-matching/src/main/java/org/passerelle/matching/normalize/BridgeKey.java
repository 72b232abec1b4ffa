package org.passerelle.matching.normalize;

/**
 * The bridge between scripts: a consonant skeleton over a small alphabet that an Arabic word and its French-style,
 * English-style and scholarly Latin spellings all reduce to. Short vowels are not written in Arabic and long ones
 * are spelled every which way in Latin ("ou"/"u"/"o", "i"/"ee"), so vowels are dropped on both sides; only a
 * word-initial و or ي survives, as W or Y, because there it is a consonant (Walid, Youssef), and the و of the final
 * nisba وي (Alaoui, Hamdaoui), which every Latin spelling writes. Letters that Latin
 * spellings confuse share one symbol: ش = ch/sh (C), ج = j/dj/g (J), خ = kh/x (X), غ = gh (G), ق and ك = q/k (K),
 * ث = th/t (T), ذ ض ظ = d/dh (D), ص = s (S), ح and ه = h (H); ع and hamza vanish; "rh" before a vowel is غ
 * at the start of a word or after a consonant (Rharbi), as French spelling of Moroccan names writes it; a final taa
 * marbuta is silent but after a long a (Hayat). Doubled letters collapse, since
 * Arabic writes gemination with a mark that normalisation removes.
 */
public final class BridgeKey {
    private BridgeKey() {
    }

    /** Key of one word already normalised by {@link ArabicText} or {@link LatinText}; the script is detected. */
    public static String of(String word) {
        return ArabicText.isArabic(word) ? ofArabic(word) : ofLatin(word);
    }

    static String ofArabic(String word) {
        StringBuilder key = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char symbol = switch (c) {
                case 'ب' -> 'B';
                case 'ت' -> i + 1 < word.length() && word.charAt(i + 1) == 'ش' ? 0 : 'T';  // تش spells a foreign ch
                case 'ث', 'ط' -> 'T';
                case 'ج', 'ڭ' -> 'J';
                case 'ح' -> 'H';
                case 'ه' -> i == word.length() - 1 && i > 0 ? finalHaa(word) : 'H';
                case 'خ' -> 'X';
                case 'د', 'ذ', 'ض', 'ظ' -> 'D';
                case 'ر' -> 'R';
                case 'ز' -> 'Z';
                case 'س', 'ص' -> 'S';
                case 'ش' -> 'C';
                case 'غ' -> 'G';
                case 'ف' -> 'F';
                case 'ق', 'ك' -> 'K';
                case 'ل' -> 'L';
                case 'م' -> 'M';
                case 'ن' -> 'N';
                case 'و' -> i == 0 || isNisbaWaw(word, i) ? 'W' : 0;
                case 'ي' -> i == 0 || i > 1 && i == word.length() - 1 ? 'Y' : 0;
                default -> 0;  // alef, ain, hamza: written as vowels or apostrophes, if at all, in Latin
            };
            append(key, symbol);
        }
        return key.toString();
    }

    /**
     * The و of a final وي, the nisba -awi (العلوي Alaoui, الحمداوي Hamdaoui), which Latin always writes (-oui, -wi):
     * without it Hamdaoui would key as Ahmed and count as common as he is.
     */
    private static boolean isNisbaWaw(String word, int i) {
        return i > 0 && i == word.length() - 2 && word.charAt(i + 1) == 'ي';
    }

    /**
     * A final ه usually stands for a normalised taa marbuta, silent in Latin (Fatima فاطمة, Jamila جميلة) but
     * written t after a long a (Hayat حياة, Najat نجاة); it is a real h in الله and its compounds (Abdellah), whose
     * article normalisation has already cut down to له.
     */
    private static char finalHaa(String word) {
        if (word.equals("له") || word.endsWith("لله")) {
            return 'H';
        }
        return word.charAt(word.length() - 2) == 'ا' ? 'T' : 0;
    }

    static String ofLatin(String word) {
        StringBuilder key = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : 0;
            char symbol;
            switch (c) {
                case 'k', 'g', 'c', 's', 't', 'd' -> {
                    if (next == 'h' && c != 'g' || c == 'g' && next == 'h' || c == 'd' && next == 'j') {
                        symbol = switch (c) {
                            case 'k' -> 'X';
                            case 'g' -> 'G';
                            case 'c', 's' -> 'C';
                            case 't' -> 'T';
                            default -> next == 'j' ? 'J' : 'D';
                        };
                        i++;
                    } else {
                        symbol = switch (c) {
                            case 'k' -> 'K';
                            case 'g' -> 'J';
                            case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
                            case 's' -> 'S';
                            case 't' -> 'T';
                            default -> 'D';
                        };
                    }
                }
                case 'p' -> {
                    symbol = next == 'h' ? 'F' : 'B';  // Arabic has no p: Latin p is a b heard by a foreign ear
                    if (next == 'h') {
                        i++;
                    }
                }
                case 'o' -> {
                    if (next == 'u') {
                        i++;
                        symbol = i == 1 && i + 1 < n && isVowel(word.charAt(i + 1)) ? 'W' : 0;  // Ouafi = Wafi
                    } else {
                        symbol = 0;
                    }
                }
                case 'w' -> symbol = i == 0 ? 'W' : 0;
                case 'y' -> symbol = i == 0 && isVowel(next) ? 'Y' : 0;
                case 'h' -> symbol = i == n - 1 && i > 0 && isVowel(word.charAt(i - 1)) && !isAllah(word) ? 0 : 'H';
                case 'q' -> symbol = 'K';
                case 'j' -> symbol = 'J';
                case 'x' -> symbol = 'X';
                case 'z' -> symbol = 'Z';
                case 'v', 'f' -> symbol = 'F';
                case 'b' -> symbol = 'B';
                case 'l' -> symbol = 'L';
                case 'm' -> symbol = 'M';
                case 'n' -> symbol = 'N';
                case 'r' -> {
                    // Rharbi, Rhazali, Abdelrhani: French colonial spelling writes غ as "rh" before a vowel; after a
                    // vowel, "rh" is ر then ح (Farhat, Sarhane, Bourhim)
                    boolean ghain = next == 'h' && i + 2 < n && isVowel(word.charAt(i + 2))
                            && (i == 0 || !isVowel(word.charAt(i - 1)));
                    symbol = ghain ? 'G' : 'R';
                    if (ghain) {
                        i++;
                    }
                }
                default -> symbol = 0;  // vowels
            }
            append(key, symbol);
        }
        if (word.length() > 3 && (word.endsWith("oui") || word.endsWith("ouy") || word.endsWith("wi"))) {
            append(key, 'W');  // the nisba -awi, as its Arabic وي keeps it
        }
        if (word.length() > 2 && (word.endsWith("i") || word.endsWith("y") || word.endsWith("ie"))) {
            append(key, 'Y');
        }
        return key.toString();
    }

    /** Allah as the end of a Latin name, its article already cut (Abdellah: "lah"; Nasrallah), but not Ilah (Abdelillah). */
    private static boolean isAllah(String word) {
        return word.equals("lah") || word.endsWith("llah") && !word.endsWith("illah");
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static void append(StringBuilder key, char symbol) {
        if (symbol != 0 && (key.isEmpty() || key.charAt(key.length() - 1) != symbol)) {
            key.append(symbol);
        }
    }

    /**
     * Two keys written one after the other, as one word would key: a letter that ends one and starts the other
     * collapses (بن نصر and Bennasr, سعد الدين and Saadeddine).
     */
    public static String glue(String left, String right) {
        if (!left.isEmpty() && !right.isEmpty() && left.charAt(left.length() - 1) == right.charAt(0)) {
            return left + right.substring(1);
        }
        return left + right;
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions), the typo distance on keys. */
    public static int distance(String a, String b) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, previous2[j - 2] + 1);
                }
                current[j] = best;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
