package org.passerelle.matching.normalize;

import java.text.Normalizer;

/**
 * Arabic spelling normalisation. Registries write the same name with or without vowel marks, with different
 * hamza seats and with letters borrowed from Persian or Maghrebi usage; none of that distinguishes two people.
 */
public final class ArabicText {
    private ArabicText() {
    }

    /** True when the text holds at least one letter of the Arabic block. */
    public static boolean isArabic(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    /** The text without vowel marks and tatweel, letters untouched: for looking at how a word was written. */
    static String withoutMarks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !isMark((char) c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static boolean isMark(char c) {
        return c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640' || c >= '\u06D6' && c <= '\u06ED';
    }

    /**
     * Removes diacritics (harakat, shadda, sukun, superscript alef) and tatweel, unifies alef and hamza forms,
     * turns taa marbuta into haa and alef maqsura into alef, maps the letters of Persian, Urdu, Pashto, Kurdish and
     * Maghrebi usage onto the Arabic letters their Latin spellings follow (پ p as ب, چ ch as ش, ژ zh as ز, ټ ٹ as ت,
     * ړ ڑ as ر, ډ ڈ as د, ښ as ش, ے ۍ as ي, ہ ھ ە ۀ as ه, Maghrebi ڨ ݣ, Persian گ and Pashto ګ as the g ڭ …), and reads
     * presentation forms (ﻤﺤﻤﺪ, ligatures such as ﻻ, ﷲ) as the letters they draw; anything that is not an Arabic letter
     * becomes a space.
     */
    public static String normalise(String text) {
        String letters = hasPresentationForms(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        StringBuilder out = new StringBuilder(letters.length());
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (isMark(c)) {
                continue;
            }
            char letter = letter(c);
            if (letter != 0) {
                out.append(letter);
            } else if (c != 'ء') {
                out.append(' ');
            }
        }
        return Spaces.collapse(out);
    }

    /** The letter {@code c} is read as, or 0 for a hamza on its own and for what is not a letter. */
    private static char letter(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ى' -> 'ا';
            case 'ة', 'ۃ', 'ە', 'ۀ', 'ہ', 'ۂ', 'ھ' -> 'ه';
            case 'ی', 'ئ', 'ې', 'ۍ', 'ے', 'ۓ' -> 'ي';
            case 'ؤ', 'ۆ', 'ۇ', 'ۈ', 'ۉ', 'ۋ' -> 'و';
            case 'ک', 'ڪ' -> 'ك';
            case 'ڤ', 'ڥ' -> 'ف';
            case 'ڭ', 'گ', 'ګ', 'ڨ', 'ݣ' -> 'ڭ';
            case 'پ' -> 'ب';
            case 'چ', 'ښ' -> 'ش';
            case 'ژ', 'ږ', 'ځ' -> 'ز';
            case 'څ' -> 'س';
            case 'ټ', 'ٹ' -> 'ت';
            case 'ډ', 'ڈ' -> 'د';
            case 'ړ', 'ڑ' -> 'ر';
            case 'ڼ', 'ں' -> 'ن';
            default -> c >= '\u0621' && c <= '\u064A' && c != 'ء' ? c : 0;
        };
    }

    /** Contextual shapes and ligatures of the Presentation Forms blocks, which some systems store instead of letters. */
    private static boolean hasPresentationForms(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFF') {
                return true;
            }
        }
        return false;
    }
}
