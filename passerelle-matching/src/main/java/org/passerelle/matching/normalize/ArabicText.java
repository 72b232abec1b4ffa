package org.passerelle.matching.normalize;

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
     * turns taa marbuta into haa and alef maqsura into yaa, maps Persian/Maghrebi letters onto their Arabic
     * counterparts; anything that is not an Arabic letter becomes a space.
     */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isMark(c)) {
                continue;
            }
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ' -> out.append('ا');
                case 'ة' -> out.append('ه');
                case 'ى' -> out.append('ا');
                case 'ی', 'ئ', 'ې' -> out.append('ي');
                case 'ؤ' -> out.append('و');
                case 'ک' -> out.append('ك');
                case 'ڤ', 'ڥ' -> out.append('ف');
                case 'ڭ', 'گ' -> out.append('ڭ');
                case 'ء' -> { }
                default -> {
                    if (c >= '\u0621' && c <= '\u064A' || c == 'ڭ') {
                        out.append(c);
                    } else {
                        out.append(' ');
                    }
                }
            }
        }
        return Spaces.collapse(out);
    }
}
