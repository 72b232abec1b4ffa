package org.passerelle.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.matching.eval.QualityReport;

import picocli.CommandLine;

class CommandsTest {

    @Test
    void everyCommandHasHelp() {
        assertThat(CommandRun.of(new MatchCommand(), "--help").exit()).isZero();
        assertThat(CommandRun.of(new SynthCommand(), "--help").exit()).isZero();
        assertThat(CommandRun.of(new SynthCommand(), "registry", "--help").exit()).isZero();
        assertThat(CommandRun.of(new SynthCommand()).exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void synthThenMatchWritesTheContractAndFindsPeople(@TempDir Path dir) throws IOException {
        assertThat(CommandRun.of(new SynthCommand(), "registry", "--size", "2000", "--seed", "9", "--queries", "200",
                "--out", dir.toString()).exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("REGISTRY.csv")).getFirst())
                .isEqualTo("person_id,names,sex,birth_date,birth_place,father_name,mother_name");
        Path matches = dir.resolve("MATCHES.csv");
        CommandRun match = CommandRun.of(new MatchCommand(), "--registry", dir.resolve("REGISTRY.csv").toString(),
                "--queries", dir.resolve("QUERIES.csv").toString(), "--out", matches.toString(), "--top", "3",
                "--index", dir.resolve("index").toString());
        assertThat(match.exit()).as(match.err()).isZero();
        List<String> lines = Files.readAllLines(matches, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("query_id,rank,person_id,probability,decision,explanation");
        assertThat(lines.get(1)).matches("Q\\d+,1,MA\\d+,[01]\\.\\d{4},(match|possible|no-match),.*names.*");
        QualityReport.Summary quality = QualityReport.read(dir.resolve("TRUTH.csv"), matches).summary();
        assertThat(quality.recallAt1()).isGreaterThan(0.9);
        assertThat(quality.precision()).isGreaterThan(0.95);

        CommandRun again = CommandRun.of(new MatchCommand(), "--registry", dir.resolve("REGISTRY.csv").toString(),
                "--queries", dir.resolve("QUERIES.csv").toString(), "--out", matches.toString(),
                "--index", dir.resolve("index").toString());
        assertThat(again.err()).contains("reusing the index");
    }

    @Test
    void anUnknownQueryProfileIsRefusedWithTheProfilesThereAre(@TempDir Path dir) {
        CommandRun synth = CommandRun.of(new SynthCommand(), "registry", "--size", "10", "--seed", "1", "--noise",
                "gentle",
                "--out", dir.toString());
        assertThat(synth.exit()).isEqualTo(2);
        assertThat(synth.err()).contains("expected harsh or request, found 'gentle'");
    }

    @Test
    void malformedQueriesAreSkippedAndOnlyNothingProcessedFails(@TempDir Path dir) throws IOException {
        Path registry = dir.resolve("REGISTRY.csv");
        Files.writeString(registry, """
                person_id,names,sex,birth_date,birth_place,father_name,mother_name
                MA1,"الوافي, محمد|ELOUAFI, MOHAMMED",M,1990-03-12,وجدة,أحمد,فاطمة
                MA2,"بناني, كريم",M,1985-06-01,,,
                """);
        Path queries = dir.resolve("QUERIES.csv");
        Files.writeString(queries, """
                query_id,names,sex,birth_date,birth_place,father_name,mother_name
                Q1,Mohamed EL OUAFI,M,1990-01-01,Oujda,,
                Q2,Karim,M,01/01/1990,,,
                """);
        Path out = dir.resolve("MATCHES.csv");
        CommandRun ok = CommandRun.of(new MatchCommand(), "--registry", registry.toString(), "--queries",
                queries.toString(),
                "--out", out.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readString(out)).contains("Q1,1,MA1,");

        Files.writeString(queries,
                "query_id,names,sex,birth_date,birth_place,father_name,mother_name\nQ2,Karim,M,01/01/1990,,,\n");
        assertThat(CommandRun.of(new MatchCommand(), "--registry", registry.toString(), "--queries", queries.toString(),
                "--out", out.toString()).exit()).isEqualTo(1);
        assertThat(CommandRun.of(new MatchCommand(), "--registry", dir.resolve("missing.csv").toString(), "--queries",
                queries.toString(), "--out", out.toString()).exit()).isEqualTo(1);
    }
}
