package org.passerelle.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.index.RegistryImport;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.io.RecordCsv;

/**
 * The same registry, queries and model give the same MATCHES.csv byte for byte: on one thread or two (the import's
 * document order then varies from run to run), from an index built in two increments in the opposite order, and when
 * an earlier run's model is replayed with {@code --model}.
 */
class ReproducibilityTest {
    @TempDir
    static Path dir;
    private static Path registry;
    private static Path queries;
    private static byte[] reference;

    @BeforeAll
    static void firstRunOnOneThread() throws IOException {
        CommandRun synth = CommandRun.of(new SynthCommand(), "registry", "--size", "6000", "--seed", "23",
                "--queries", "600",
                "--out", dir.toString());
        assertThat(synth.exit()).as(synth.err()).isZero();
        registry = dir.resolve("REGISTRY.csv");
        queries = dir.resolve("QUERIES.csv");
        CommandRun first = match("one-thread", "--threads", "1");
        assertThat(first.err()).containsPattern("model [0-9a-f]{64} estimated by EM, written to ");
        reference = Files.readAllBytes(dir.resolve("one-thread.csv"));
        assertThat(new String(reference)).contains(",match,");
    }

    @Test
    void twoThreadsAndAFreshIndexGiveTheSameFileTwiceOver() throws IOException {
        for (String name : List.of("two-threads-a", "two-threads-b")) {
            match(name, "--threads", "2");
            assertThat(Files.readAllBytes(dir.resolve(name + ".csv"))).as(name).isEqualTo(reference);
        }
        assertThat(Files.readString(dir.resolve("two-threads-a.model.properties")))
                .isEqualTo(Files.readString(dir.resolve("one-thread.model.properties")));
    }

    @Test
    void anIndexBuiltInTwoIncrementsInTheOtherOrderGivesTheSameFile() throws IOException {
        List<PersonRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(registry)) {
            RecordCsv.read(in, "REGISTRY.csv", RecordCsv.Kind.REGISTRY, records::add,
                    new PrintStream(PrintStream.nullOutputStream()));
        }
        Path index = dir.resolve("increments");
        try (RegistryIndex increments = RegistryIndex.open(index)) {
            int half = records.size() / 2;
            for (List<PersonRecord> part : List.of(records.subList(half, records.size()), records.subList(0, half))) {
                for (PersonRecord record : part) {
                    increments.append(PreparedRecord.of(record));
                }
                increments.commit(Map.of(RegistryImport.SOURCE, RegistryImport.fingerprint(registry)));
            }
        }
        CommandRun reused = CommandRun.of(new MatchCommand(), "--registry", registry.toString(), "--queries",
                queries.toString(),
                "--out", dir.resolve("increments.csv").toString(), "--index", index.toString(), "--threads", "2");
        assertThat(reused.err()).contains("reusing the index");
        assertThat(Files.readAllBytes(dir.resolve("increments.csv"))).isEqualTo(reference);
    }

    @Test
    void anEarlierRunsModelReplaysItExactlyAndAnAlteredOneIsRefused() throws IOException {
        Path model = dir.resolve("one-thread.model.properties");
        CommandRun replay = match("replay", "--threads", "2", "--model", model.toString());
        assertThat(replay.err()).contains("read from " + model);
        assertThat(Files.readAllBytes(dir.resolve("replay.csv"))).isEqualTo(reference);

        Path altered = dir.resolve("altered.model.properties");
        Files.writeString(altered, Files.readString(model).replaceFirst("prior=\\S+", "prior=0.25"));
        CommandRun refused = CommandRun.of(new MatchCommand(), "--registry", registry.toString(), "--queries",
                queries.toString(),
                "--out", dir.resolve("altered.csv").toString(), "--model", altered.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("model altered");
    }

    /** A run into a fresh index of its own, writing {@code name}.csv and, unless replaying, its model beside it. */
    private static CommandRun match(String name, String... options) {
        List<String> args = new ArrayList<>(List.of("--registry", registry.toString(), "--queries", queries.toString(),
                "--out", dir.resolve(name + ".csv").toString(), "--index", dir.resolve(name + "-index").toString()));
        args.addAll(List.of(options));
        CommandRun run = CommandRun.of(new MatchCommand(), args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

}
