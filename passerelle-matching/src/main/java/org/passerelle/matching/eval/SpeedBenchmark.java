package org.passerelle.matching.eval;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.passerelle.matching.BatchMatching;
import org.passerelle.matching.IdentityMatcher;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.index.RegistryImport;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.score.DecisionThresholds;
import org.passerelle.matching.score.FellegiSunterModel;

/**
 * Speed of the engine on a registry and a query file: import and index time, single-query latency (p50, p99, one
 * thread, after warm-up) and batch throughput (all threads, the median of three rounds), with the peak heap the
 * JVM used. A bench program, not a test: {@code SpeedBenchmark REGISTRY.csv QUERIES.csv INDEX_DIR THREADS [reuse]}.
 */
public final class SpeedBenchmark {
    private static final int WARM_UP = 500;
    private static final int LATENCY_SAMPLE = 2_000;
    /** The batch is timed several times: on this virtual machine one run can differ from the next by a tenth. */
    private static final int BATCH_ROUNDS = 3;

    private SpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path registry = Path.of(args[0]);
        Path queriesFile = Path.of(args[1]);
        Path indexDir = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        boolean reuse = args.length > 4 && args[4].equals("reuse");
        try (RegistryIndex index = RegistryIndex.open(indexDir)) {
            if (!reuse) {
                RegistryImport.Result imported = RegistryImport.rebuild(index, registry, threads, System.err);
                System.out.printf(Locale.ROOT, "import: %,d records in %.1f s (%,.0f records/s), peak heap %s%n",
                        imported.records(), imported.millis() / 1000.0, imported.records() * 1000.0 / imported.millis(),
                        peakHeapMiB());
            }
            System.out.printf(Locale.ROOT, "index on disk: %.0f MiB%n", directorySize(indexDir) / 1048576.0);
            List<PersonRecord> queries = new ArrayList<>();
            try (InputStream in = Files.newInputStream(queriesFile)) {
                RecordCsv.read(in, queriesFile.toString(), RecordCsv.Kind.QUERIES, queries::add, System.err);
            }
            long emStart = System.nanoTime();
            FellegiSunterModel model = IdentityMatcher.estimate(index,
                    BatchMatching.sample(queries, BatchMatching.EM_SAMPLE, 4), IdentityMatcher.EM_POOL);
            System.out.printf(Locale.ROOT, "EM on %d queries: %.1f s%n", Math.min(queries.size(), BatchMatching.EM_SAMPLE),
                    (System.nanoTime() - emStart) / 1e9);
            IdentityMatcher matcher = new IdentityMatcher(index, model, DecisionThresholds.DEFAULT, IdentityMatcher.DEFAULT_POOL);
            for (PersonRecord query : queries.subList(0, Math.min(WARM_UP, queries.size()))) {
                matcher.match(query, 5);
            }
            List<PersonRecord> sample = queries.subList(queries.size() - Math.min(LATENCY_SAMPLE, queries.size()), queries.size());
            long[] nanos = new long[sample.size()];
            for (int i = 0; i < sample.size(); i++) {
                long start = System.nanoTime();
                matcher.match(sample.get(i), 5);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "single query (1 thread, %d queries): p50 %.2f ms, p99 %.2f ms%n", nanos.length,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
            double[] rates = new double[BATCH_ROUNDS];
            for (int round = 0; round < BATCH_ROUNDS; round++) {
                long start = System.nanoTime();
                BatchMatching.matchAll(matcher, queries, 5, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[round] = queries.size() / seconds;
                System.out.printf(Locale.ROOT, "batch %d (%d threads, %,d queries): %.1f s, %.0f queries/s%n", round + 1,
                        threads, queries.size(), seconds, rates[round]);
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "batch: median %.0f queries/s over %d rounds%n", rates[BATCH_ROUNDS / 2],
                    BATCH_ROUNDS);
            System.out.printf(Locale.ROOT, "peak heap over the run: %s (max heap %d MiB)%n", peakHeapMiB(),
                    Runtime.getRuntime().maxMemory() / 1048576);
        }
    }

    private static String peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return (peak / 1048576) + " MiB";
    }

    private static long directorySize(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
