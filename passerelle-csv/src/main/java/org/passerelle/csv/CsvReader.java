package org.passerelle.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: fields separated by commas, optionally quoted, quotes doubled inside quotes, line breaks allowed
 * inside quoted fields, CRLF or LF line ends. Remembers the line each row starts on, for error messages.
 */
public final class CsvReader implements Closeable {
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int line = 1;
    private int rowLine;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next row's fields, or null at the end of input. A quote in the wrong place is an error for that row. */
    public List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        rowLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        String error = null;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new MalformedRowException(rowLine, "quoted field not closed before the end of the file");
                }
                if (c == '"') {
                    int next = peek();
                    if (next == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(field.toString());
                if (error != null) {
                    throw new MalformedRowException(rowLine, error);
                }
                return fields;
            } else if (c == '"') {
                if (field.isEmpty() && !fieldWasQuoted) {
                    quoted = true;
                    fieldWasQuoted = true;
                } else {
                    error = "quote inside an unquoted field";
                }
            } else {
                if (fieldWasQuoted && error == null) {
                    error = "text after a closing quote";
                }
                field.append((char) c);
            }
            c = read();
        }
    }

    /** Line number (from 1) on which the last row returned by {@link #next} started. */
    public int rowLine() {
        return rowLine;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
