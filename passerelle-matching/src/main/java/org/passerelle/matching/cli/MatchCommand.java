package org.passerelle.matching.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.passerelle.matching.BatchMatching;
import org.passerelle.matching.IdentityMatcher;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.index.RegistryImport;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.csv.CsvWriter;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.score.DecisionThresholds;
import org.passerelle.matching.score.FellegiSunterModel;
import org.passerelle.matching.score.ScoredCandidate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code match}: finds each query's best registry candidates, meant to be registered in the launcher as
 * {@code passerelle match …}. The registry is indexed on disk first (reused when {@code --index} already holds an
 * index of the same file); the scoring model is estimated by EM on the queries themselves, or read with
 * {@code --model}. The same registry, queries and model give the same MATCHES.csv byte for byte, whatever the number
 * of threads and however the index was built.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match queries against a registry: for each query, up to N candidates with a calibrated "
                + "probability, a decision (match, possible, no-match) and an explanation.",
                "Files are UTF-8 CSV with a header. REGISTRY: person_id,names,sex,birth_date,birth_place,father_name,"
                        + "mother_name. QUERIES: query_id and the same columns. MATCHES: query_id,rank,person_id,"
                        + "probability,decision,explanation.",
                "Malformed rows are reported on stderr with their line number and skipped; the exit code is non-zero "
                        + "only when nothing could be processed."})
public final class MatchCommand implements Callable<Integer> {
    private static final int NOTHING_PROCESSED = 1;
    private static final long EM_SEED = 4;

    @Option(names = "--registry", required = true, paramLabel = "REGISTRY.csv", description = "The registry.")
    private Path registry;

    @Option(names = "--queries", required = true, paramLabel = "QUERIES.csv", description = "The queries.")
    private Path queries;

    @Option(names = "--out", required = true, paramLabel = "MATCHES.csv", description = "Where to write the matches.")
    private Path out;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N",
            description = "Candidates per query (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Keep the registry index in DIR and reuse it while the registry file is unchanged "
                    + "(default: a temporary directory, deleted afterwards).")
    private Path indexDir;

    @Option(names = "--rebuild", description = "Rebuild the index even if it is up to date.")
    private boolean rebuild;

    @Option(names = "--match-threshold", defaultValue = "0.8",
            description = "Probability from which a candidate is a match (default: ${DEFAULT-VALUE}).")
    private double matchThreshold;

    @Option(names = "--possible-threshold", defaultValue = "0.5",
            description = "Probability from which a candidate is a possible match (default: ${DEFAULT-VALUE}).")
    private double possibleThreshold;

    @Option(names = "--model", paramLabel = "MODEL.properties",
            description = {"Score with this model instead of estimating one: a file an earlier run wrote (its hash is "
                    + "checked), to replay that run exactly on the same registry and queries.",
                    "Without it the model is estimated by EM on the queries and written beside MATCHES.csv as "
                            + "MATCHES.model.properties (and into the index folder's models/ when --index is given)."})
    private Path modelFile;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || threads < 1) {
            err.println("--top and --threads must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        DecisionThresholds thresholds;
        try {
            thresholds = new DecisionThresholds(matchThreshold, possibleThreshold);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<Path> inputs = new ArrayList<>(List.of(registry, queries));
        if (modelFile != null) {
            inputs.add(modelFile);
        }
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                err.println("cannot read " + input);
                return NOTHING_PROCESSED;
            }
        }
        boolean temporary = indexDir == null;
        Path dir = temporary ? Files.createTempDirectory("passerelle-match-index") : indexDir;
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            return run(index, thresholds, stderr, err);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return NOTHING_PROCESSED;
        } finally {
            if (temporary) {
                deleteRecursively(dir);
            }
        }
    }

    private int run(RegistryIndex index, DecisionThresholds thresholds, PrintStream stderr, PrintWriter err)
            throws IOException {
        boolean upToDate = RegistryImport.fingerprint(registry).equals(index.facts().get(RegistryImport.SOURCE));
        if (rebuild || !upToDate) {
            RegistryImport.Result imported = RegistryImport.rebuild(index, registry, threads, stderr);
            err.printf(Locale.ROOT, "indexed %,d records in %.1f s (%,d malformed rows skipped)%n", imported.records(),
                    imported.millis() / 1000.0, imported.malformed());
        } else {
            err.printf(Locale.ROOT, "reusing the index of %,d records in %s%n", index.size(), indexDir);
        }
        List<PersonRecord> batch = new ArrayList<>();
        RecordCsv.Counts counts;
        try (InputStream in = Files.newInputStream(queries)) {
            counts = RecordCsv.read(in, queries.getFileName().toString(), RecordCsv.Kind.QUERIES, batch::add, stderr);
        }
        if (batch.isEmpty() || index.size() == 0) {
            err.println(batch.isEmpty() ? "no query could be read" : "the registry holds no record");
            return NOTHING_PROCESSED;
        }
        long start = System.nanoTime();
        FellegiSunterModel model;
        if (modelFile != null) {
            model = FellegiSunterModel.read(Files.readString(modelFile, StandardCharsets.UTF_8));
            err.println("model " + model.hash() + " read from " + modelFile);
        } else {
            model = IdentityMatcher.estimate(index, BatchMatching.sample(batch, BatchMatching.EM_SAMPLE, EM_SEED),
                    IdentityMatcher.EM_POOL);
            err.println("model " + model.hash() + " estimated by EM, written to " + keep(model));
        }
        err.print("weights in bits:" + System.lineSeparator() + model.describe());
        IdentityMatcher matcher = new IdentityMatcher(index, model, thresholds, IdentityMatcher.DEFAULT_POOL);
        List<List<ScoredCandidate>> results = BatchMatching.matchAll(matcher, batch, top, threads);
        long rows = write(batch, results);
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "matched %,d queries (%,d malformed skipped) in %.1f s: %,d rows in %s%n",
                counts.records(), counts.malformed(), seconds, rows, out);
        return CommandLine.ExitCode.OK;
    }

    /** Writes the estimated model beside MATCHES.csv, and into the kept index's folder; returns where it went. */
    private String keep(FellegiSunterModel model) throws IOException {
        String name = out.getFileName().toString().replaceFirst("(?i)\\.csv$", "") + ".model.properties";
        Path besideOut = Files.writeString(out.toAbsolutePath().resolveSibling(name), model.fileText(),
                StandardCharsets.UTF_8);
        return indexDir == null ? besideOut.toString() : besideOut + " and " + model.keepIn(indexDir.resolve("models"));
    }

    private long write(List<PersonRecord> batch, List<List<ScoredCandidate>> results) throws IOException {
        long rows = 0;
        try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            csv.row("query_id", "rank", "person_id", "probability", "decision", "explanation");
            for (int i = 0; i < batch.size(); i++) {
                List<ScoredCandidate> candidates = results.get(i);
                for (int rank = 0; rank < candidates.size(); rank++) {
                    ScoredCandidate candidate = candidates.get(rank);
                    csv.row(batch.get(i).id(), Integer.toString(rank + 1), candidate.personId(),
                            String.format(Locale.ROOT, "%.4f", candidate.probability()), candidate.decision().csv(),
                            candidate.explanation());
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Runs the command on its own, outside the launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new MatchCommand()).execute(args));
    }
}
