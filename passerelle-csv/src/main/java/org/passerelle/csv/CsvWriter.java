package org.passerelle.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * RFC 4180 writer: quotes a field only when it holds a comma, a quote or a line break; ends rows with CRLF. A cell a
 * spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return, and is not a number) is written behind a single quote, as OWASP's rule on CSV injection advises: a name
 * typed as {@code =HYPERLINK(...)} in a form stays text for whoever opens the export.
 */
public final class CsvWriter implements Closeable {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = neutralised(fields[i]);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }

    /** The cell as a spreadsheet will show it: text that would start a formula gets a leading single quote. */
    static String neutralised(String field) {
        if (field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0 || isNumber(field)) {
            return field;
        }
        return "'" + field;
    }

    private static boolean isNumber(String field) {
        return NUMBER.matcher(field).matches();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
