package org.passerelle.graph.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one input line into {@link Field}s, keeping each field's column for error messages.
 *
 * <p>The separator is chosen per line: a comma if the line has one, otherwise a tab if it has one, otherwise runs
 * of spaces. A field may be double-quoted (a doubled quote inside stands for one quote) to hold separators or
 * {@code #}. With a comma or a tab, an empty field between two separators is kept as an empty field, so that the
 * caller can report it.
 */
final class LineSplitter {
    private final String source;
    private final boolean hashComments;

    /**
     * @param source       input name for error messages
     * @param hashComments whether an unquoted {@code #} ends the line's data (edge lists) or is plain text (matrices)
     */
    LineSplitter(String source, boolean hashComments) {
        this.source = source;
        this.hashComments = hashComments;
    }

    /** The fields of {@code line} (line number {@code lineNumber}); empty for a blank or comment-only line. */
    List<Field> split(String line, int lineNumber) {
        char separator = separatorOf(line);
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int length = line.length();
        boolean fieldExpected = false;
        while (true) {
            i = skipBlanks(line, i, separator);
            if (i >= length || isCommentStart(line.charAt(i))) {
                if (fieldExpected) {
                    fields.add(new Field("", i + 1));
                }
                return fields;
            }
            int start = i;
            String text;
            if (line.charAt(i) == '"') {
                StringBuilder unquoted = new StringBuilder();
                int afterQuote = readQuoted(line, i, lineNumber, unquoted);
                text = unquoted.toString();
                i = skipBlanks(line, afterQuote, separator);
                if (i < length) {
                    // with spaces as separator, the blanks just skipped are the separator
                    boolean separated = separator == ' ' ? i > afterQuote : line.charAt(i) == separator;
                    if (!separated && !isCommentStart(line.charAt(i))) {
                        throw new GraphInputException(source, lineNumber, i + 1,
                                "unexpected '" + line.charAt(i) + "' after a closing quote");
                    }
                }
            } else {
                while (i < length && !endsUnquotedField(line.charAt(i), separator)) {
                    i++;
                }
                text = line.substring(start, i).strip();
            }
            fields.add(new Field(text, start + 1));
            fieldExpected = false;
            if (i < length && line.charAt(i) == separator && separator != ' ') {
                i++;
                fieldExpected = true;
            }
        }
    }

    /** The separator of the line's data, looking neither inside quotes nor into a trailing comment. */
    private char separatorOf(String line) {
        boolean quoted = false;
        boolean tab = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    return ',';
                }
                if (isCommentStart(c)) {
                    break;
                }
                tab |= c == '\t';
            }
        }
        return tab ? '\t' : ' ';
    }

    private boolean isCommentStart(char c) {
        return hashComments && c == '#';
    }

    private boolean endsUnquotedField(char c, char separator) {
        if (separator == ' ') {
            return c == ' ' || c == '\t' || isCommentStart(c);
        }
        return c == separator || isCommentStart(c);
    }

    /** Skips spaces (and tabs, unless tabs separate fields). */
    private static int skipBlanks(String line, int i, char separator) {
        while (i < line.length() && (line.charAt(i) == ' ' || (line.charAt(i) == '\t' && separator != '\t'))) {
            i++;
        }
        return i;
    }

    /** Reads the quoted field opening at {@code open} into {@code out}; returns the index after its closing quote. */
    private int readQuoted(String line, int open, int lineNumber, StringBuilder out) {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    out.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            out.append(c);
            i++;
        }
        throw new GraphInputException(source, lineNumber, open + 1, "quote opened here is never closed");
    }
}
