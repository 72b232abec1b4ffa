package org.passerelle.matching.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;

/** The matching engine's record files, read with the project's one CSV reader. */
class RecordCsvTest {
    @Test
    void malformedRecordsAreReportedWithTheirLineAndSkipped() throws IOException {
        String csv = """
                query_id,names,sex,birth_date,birth_place,father_name,mother_name
                Q1,"EL OUAFI, Mohamed|محمد الوافي",M,1990-01-01|1990,Oujda,Ahmed,Fatima
                Q2,Karim,X,1990,,,
                Q3,Karim,M,1990-13-01,,,
                Q4,Karim,M,1990
                Q5,,,,,,
                """;
        List<PersonRecord> records = new ArrayList<>();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        RecordCsv.Counts counts = RecordCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "QUERIES.csv", RecordCsv.Kind.QUERIES, records::add, new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(counts).isEqualTo(new RecordCsv.Counts(2, 3));
        assertThat(records.getFirst().names()).containsExactly("EL OUAFI, Mohamed", "محمد الوافي");
        assertThat(records.getFirst().sex()).isEqualTo(Sex.M);
        assertThat(records.getFirst().birthDates()).hasSize(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("QUERIES.csv:3:", "QUERIES.csv:4:", "QUERIES.csv:5:");
    }

    @Test
    void aWrongHeaderStopsTheFile() {
        assertThatThrownBy(() -> RecordCsv.read(new ByteArrayInputStream("id,names\n".getBytes(StandardCharsets.UTF_8)),
                "REGISTRY.csv", RecordCsv.Kind.REGISTRY, r -> { }, System.err))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person_id");
    }
}
