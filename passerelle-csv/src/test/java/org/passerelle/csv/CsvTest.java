package org.passerelle.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaks() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\nlast"));
        assertThat(reader.next()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(reader.next()).containsExactly("two\nlines", "", "x");
        assertThat(reader.rowLine()).isEqualTo(2);
        assertThat(reader.next()).containsExactly("last");
        assertThat(reader.rowLine()).isEqualTo(4);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aQuotedNameWithACommaIsOneField() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("\"Smith, John\",PERSON,+212600000000,PHONE\n"));
        assertThat(reader.next()).containsExactly("Smith, John", "PERSON", "+212600000000", "PHONE");
    }

    @Test
    void aStrayQuoteSpoilsItsRowOnly() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("ok,1\nbad\"quote,2\nok,3\n"));
        assertThat(reader.next()).containsExactly("ok", "1");
        assertThatThrownBy(reader::next).isInstanceOf(MalformedRowException.class).hasMessageContaining("line 2");
        assertThat(reader.next()).containsExactly("ok", "3");
    }

    @Test
    void anUnclosedQuoteIsRefusedNotReadAsText() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("ok,1\n\"unterminated,2\n"));
        assertThat(reader.next()).containsExactly("ok", "1");
        assertThatThrownBy(reader::next).isInstanceOf(MalformedRowException.class)
                .hasMessageContaining("line 2").hasMessageContaining("not closed");
    }

    @Test
    void writerQuotesOnlyWhenNeededAndRoundTrips() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = new CsvWriter(out)) {
            writer.row("plain", "with,comma", "with \"quote\"", "الوافي, محمد");
        }
        assertThat(out.toString()).isEqualTo("plain,\"with,comma\",\"with \"\"quote\"\"\",\"الوافي, محمد\"\r\n");
        assertThat(new CsvReader(new StringReader(out.toString())).next())
                .containsExactly("plain", "with,comma", "with \"quote\"", "الوافي, محمد");
    }

    @Test
    void cellsASpreadsheetWouldRunAreWrittenAsText() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = new CsvWriter(out)) {
            writer.row("=HYPERLINK(\"http://x\",\"click\")", "+33 1 23", "-2+3", "@SUM(A1)", "\tcmd", "plain");
            writer.row("-12.5", "+3", "1e-3", "-", "=");
        }
        assertThat(new CsvReader(new StringReader(out.toString())).next()).containsExactly(
                "'=HYPERLINK(\"http://x\",\"click\")", "'+33 1 23", "'-2+3", "'@SUM(A1)", "'\tcmd", "plain");
        assertThat(out.toString()).endsWith("-12.5,+3,1e-3,'-,'=\r\n");
    }
}
