package org.passerelle.graph.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259), indented by two spaces, so that the module needs no JSON library.
 * Callers nest {@code begin…}/{@code end…} calls; inside an object each value follows a {@link #name(String)}.
 * Non-finite numbers, which JSON cannot hold, are written as {@code null}.
 */
public final class JsonWriter {
    private final Writer out;
    /** One entry per open object or array: whether it has no member yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    public JsonWriter beginObject() throws IOException {
        return begin('{');
    }

    public JsonWriter endObject() throws IOException {
        return end('}');
    }

    public JsonWriter beginArray() throws IOException {
        return begin('[');
    }

    public JsonWriter endArray() throws IOException {
        return end(']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) throws IOException {
        separate();
        out.write(quote(name));
        out.write(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) throws IOException {
        separate();
        out.write(value == null ? "null" : quote(value));
        return this;
    }

    public JsonWriter value(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    public JsonWriter value(double value) throws IOException {
        separate();
        out.write(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    public JsonWriter value(boolean value) throws IOException {
        separate();
        out.write(Boolean.toString(value));
        return this;
    }

    public JsonWriter nullValue() throws IOException {
        separate();
        out.write("null");
        return this;
    }

    /** Flushes the underlying writer; fails if an object or array is still open. */
    public void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " JSON object(s) or array(s) left open");
        }
        out.write('\n');
        out.flush();
    }

    private JsonWriter begin(char bracket) throws IOException {
        separate();
        out.write(bracket);
        open.push(new boolean[] {true});
        return this;
    }

    private JsonWriter end(char bracket) throws IOException {
        boolean empty = open.pop()[0];
        if (!empty) {
            newline();
        }
        out.write(bracket);
        return this;
    }

    /** Writes the comma and line break that precede a value, unless it follows its member name. */
    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] first = open.peek();
        if (first == null) {
            return;
        }
        if (!first[0]) {
            out.write(',');
        }
        first[0] = false;
        newline();
    }

    private void newline() throws IOException {
        out.write('\n');
        out.write("  ".repeat(open.size()));
    }

    /** {@code text} as a JSON string literal: quotes, backslashes, control characters and lone surrogates escaped. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
