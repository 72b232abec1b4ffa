package org.passerelle.matching.normalize;

/** Whitespace clean-up shared by the normalisers, without regular expressions: it runs for every name of every record. */
final class Spaces {
    private Spaces() {
    }

    /** The text with runs of spaces made single and no space at either end. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }
}
