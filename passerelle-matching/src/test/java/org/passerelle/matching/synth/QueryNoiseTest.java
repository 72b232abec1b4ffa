package org.passerelle.matching.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;

class QueryNoiseTest {
    private static final BirthDate TRUTH = new BirthDate(1990, 3, 12);

    @Test
    void aRequestGivesEveryFieldAndAPartialDateAboutOneTimeInThree(@TempDir Path dir) throws IOException {
        new SyntheticRegistry().write(dir, 2_000, 500, 0.2, QueryNoise.REQUEST, 3,
                new PrintStream(OutputStream.nullOutputStream()));
        List<PersonRecord> queries = new ArrayList<>();
        try (InputStream input = Files.newInputStream(dir.resolve(SyntheticRegistry.QUERIES))) {
            RecordCsv.read(input, "QUERIES.csv", RecordCsv.Kind.QUERIES, queries::add, System.err);
        }
        assertThat(queries).hasSize(500).allSatisfy(query -> {
            assertThat(query.fatherName()).isNotBlank();
            assertThat(query.motherName()).isNotBlank();
            assertThat(query.birthPlace()).isNotBlank();
            assertThat(query.birthDates()).hasSize(1);
        });

        Random random = new Random(5);
        int partial = 0;
        for (int i = 0; i < 10_000; i++) {
            partial += QueryNoise.REQUEST.dates(TRUTH, random).getFirst().isConventional() ? 1 : 0;
        }
        assertThat(partial / 10_000.0).as("1 January or a year alone").isBetween(0.32, 0.38);
    }

    @Test
    void theHarshProfileLeavesParentsOutAndGetsHalfTheDatesWrong() {
        Random random = new Random(5);
        int right = 0;
        for (int i = 0; i < 10_000; i++) {
            List<BirthDate> dates = QueryNoise.HARSH.dates(TRUTH, random);
            right += dates.equals(List.of(TRUTH)) ? 1 : 0;
        }
        assertThat(right / 10_000.0).isBetween(0.47, 0.53);
        assertThat(QueryNoise.HARSH.fatherGiven).isLessThan(1);
        assertThat(QueryNoise.HARSH.motherGiven).isLessThan(1);
    }
}
