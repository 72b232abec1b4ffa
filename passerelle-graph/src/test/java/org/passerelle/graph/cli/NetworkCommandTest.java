package org.passerelle.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetworkCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyCaviarPhases() throws IOException {
        for (int phase = 1; phase <= 11; phase++) {
            try (InputStream in = getClass().getResourceAsStream("/caviar/phase" + phase + ".csv")) {
                Files.copy(in, dir.resolve("phase" + phase + ".csv"));
            }
        }
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new NetworkCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String phase(int n) {
        return dir.resolve("phase" + n + ".csv").toString();
    }

    @Test
    void analyzeWritesEveryMeasureOfACaviarPhase() throws IOException {
        Path report = dir.resolve("out/report.json");

        int exit = run("analyze", "--input", phase(1), "--out", report.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("15 actors, 18 links");
        JsonNode json = new JsonMapper().readTree(Files.readString(report));
        assertThat(json.get("graph").get("nodes").asInt()).isEqualTo(15);
        assertThat(json.get("graph").get("edges").asInt()).isEqualTo(18);
        assertThat(json.get("graph").get("components").asInt()).isEqualTo(1);
        assertThat(json.get("graph").get("modularity").isNumber()).isTrue();
        JsonNode n1 = json.get("nodes").get(0);
        assertThat(n1.get("id").asString()).isEqualTo("1");
        assertThat(n1.get("degree").asInt()).isEqualTo(12);
        assertThat(n1.get("betweenness").asDouble()).isCloseTo(0.907, within(5e-4));
        assertThat(n1.get("community").isInt()).isTrue();
        assertThat(json.get("nodes").size()).isEqualTo(15);
    }

    @Test
    void analyzeDirectedKeepsArcs() throws IOException {
        Path report = dir.resolve("directed.json");

        assertThat(run("analyze", "--input", phase(1), "--format", "matrix", "--directed", "--out",
                report.toString())).isZero();

        JsonNode graph = new JsonMapper().readTree(Files.readString(report)).get("graph");
        assertThat(graph.get("directed").asBoolean()).isTrue();
        assertThat(graph.get("edges").asInt()).isGreaterThan(18);
    }

    @Test
    void disruptSequentialOnAllPhasesReproducesTheReferenceCurve() throws IOException {
        Path curve = dir.resolve("curve.csv");
        List<String> args = new ArrayList<>(List.of("disrupt", "--out", curve.toString(),
                "--strategy", "betweenness", "--mode", "sequential", "--steps", "3"));
        for (int phase = 1; phase <= 11; phase++) {
            args.addAll(List.of("--input", phase(phase)));
        }

        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(curve);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("step,removed,lcc_size,lcc_ratio,fragmentation");
        assertThat(lines.get(1)).startsWith("0,,105,1.0,");
        assertThat(lines.get(2)).startsWith("1,1,88,0.838");
        assertThat(lines.get(3)).startsWith("2,3,85,0.809");
        assertThat(lines.get(4)).startsWith("3,12,72,0.685");
    }

    @Test
    void disruptBlockListsTheWholeBlock() throws IOException {
        Path curve = dir.resolve("block.csv");

        assertThat(run("disrupt", "--input", phase(1), "--out", curve.toString(), "--strategy", "degree",
                "--mode", "block", "--steps", "3")).isZero();

        List<String> lines = Files.readAllLines(curve);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("0,,15,1.0,0.0");
        // top degree of phase 1: n1 12, n88 4, n85 3
        assertThat(lines.get(2)).startsWith("1,1,");
        assertThat(lines.get(3)).startsWith("2,1|88,");
        assertThat(lines.get(4)).startsWith("3,1|88|85,");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.split(",")).hasSize(5);
        }
    }

    @Test
    void everyStrategyRunsFromTheCommandLine() {
        for (String strategy : List.of("degree", "betweenness", "closeness", "pagerank", "collective-influence",
                "key-player")) {
            assertThat(run("disrupt", "--input", phase(2), "--out", dir.resolve(strategy + ".csv").toString(),
                    "--strategy", strategy)).as(strategy + ": " + err).isZero();
            assertThat(dir.resolve(strategy + ".csv")).exists();
        }
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("analyze", "disrupt");
        assertThat(run("analyze", "--help")).isZero();
        assertThat(out.toString()).contains("--input", "--out", "--format", "--directed");
        assertThat(run("disrupt", "--help")).isZero();
        assertThat(out.toString()).contains("--strategy", "--mode", "--steps", "key-player", "collective-influence");
    }

    @Test
    void missingInputFileIsAClearError() {
        int exit = run("analyze", "--input", dir.resolve("nope.csv").toString(), "--out", "r.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("network analyze: error: cannot read "
                + dir.resolve("nope.csv") + ": no such file");
    }

    @Test
    void malformedInputNamesLineAndColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "a b 1\nb c x\n");

        int exit = run("disrupt", "--input", bad.toString(), "--out", dir.resolve("c.csv").toString(),
                "--strategy", "degree");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("network disrupt: error: bad.txt, line 2, column 5: weight 'x' is not a number");
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("disrupt", "--input", phase(1), "--out", "c.csv", "--strategy", "random")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown strategy 'random'");
        assertThat(run("disrupt", "--input", phase(1), "--out", "c.csv", "--strategy", "degree", "--steps", "-1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--steps must be >= 0");
        assertThat(run("analyze", "--input", phase(1), "--out", "r.json", "--format", "gml")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'gml'");
        assertThat(run("analyze", "--out", "r.json")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--input=FILE'");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand");
    }
}
