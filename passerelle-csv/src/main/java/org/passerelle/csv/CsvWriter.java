package org.passerelle.matching.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/** RFC 4180 writer: quotes a field only when it holds a comma, a quote or a line break; ends rows with CRLF. */
public final class CsvWriter implements Closeable {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields[i];
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

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
