package org.passerelle.matching.index;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.passerelle.csv.CountingInputStream;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.io.RecordCsv;

/**
 * Loads a REGISTRY.csv into a {@link RegistryIndex}, replacing what it held (a rebuild), with a progress bar on
 * standard error. One thread reads and parses the CSV; the others key names and feed Lucene, which is where the
 * time goes.
 */
public final class RegistryImport {
    /** Commit facts naming the registry file an index was built from, so that a later run can reuse the index. */
    public static final String SOURCE = "registry.source";
    private static final int BATCH = 1_000;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final List<PersonRecord> END = List.of();

    private RegistryImport() {
    }

    /** What an import did. */
    public record Result(long records, long malformed, long millis) {
    }

    /**
     * A fingerprint of the registry file (path, size, modification time) and of the index layout, so that neither a
     * changed registry nor a changed way of keying names is served from a stale index.
     */
    public static String fingerprint(Path registry) throws IOException {
        return registry.toAbsolutePath() + " " + Files.size(registry) + " " + Files.getLastModifiedTime(registry).toMillis()
                + " layout " + RegistryIndex.LAYOUT;
    }

    public static Result rebuild(RegistryIndex index, Path registry, int threads, PrintStream err) throws IOException {
        long start = System.nanoTime();
        long total = Files.size(registry);
        index.clear();
        BlockingQueue<List<PersonRecord>> batches = new ArrayBlockingQueue<>(4 * threads);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            running.add(workers.submit(() -> indexBatches(index, batches)));
        }
        AtomicLong readBytes = new AtomicLong();
        Progress progress = new Progress(err, total, start);
        RecordCsv.Counts counts;
        try (InputStream in = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(registry), 1 << 16), readBytes)) {
            List<PersonRecord> batch = new ArrayList<>(BATCH);
            counts = RecordCsv.read(in, registry.getFileName().toString(), RecordCsv.Kind.REGISTRY, record -> {
                batch.add(record);
                if (batch.size() == BATCH) {
                    put(batches, List.copyOf(batch));
                    batch.clear();
                    progress.update(readBytes.get());
                }
            }, err);
            if (!batch.isEmpty()) {
                put(batches, List.copyOf(batch));
            }
        } finally {
            for (int i = 0; i < threads; i++) {
                put(batches, END);
            }
            workers.shutdown();
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (Exception e) {
                throw new IOException("indexing failed", e.getCause() == null ? e : e.getCause());
            }
        }
        progress.finish(total, counts.records());
        err.println("import: merging the index into one segment");
        index.mergeIntoOneSegment();
        index.commit(Map.of(SOURCE, fingerprint(registry), "registry.records", Long.toString(counts.records())));
        return new Result(counts.records(), counts.malformed(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Void indexBatches(RegistryIndex index, BlockingQueue<List<PersonRecord>> batches) throws Exception {
        while (true) {
            List<PersonRecord> batch = batches.take();
            if (batch == END) {
                return null;
            }
            for (PersonRecord record : batch) {
                index.append(PreparedRecord.of(record));
            }
        }
    }

    private static void put(BlockingQueue<List<PersonRecord>> queue, List<PersonRecord> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /** A one-line progress bar, redrawn at most once a second. */
    private static final class Progress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final long total;
        private final long start;
        private long lastDrawn;

        Progress(PrintStream err, long total, long start) {
            this.err = err;
            this.total = Math.max(1, total);
            this.start = start;
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - lastDrawn >= PROGRESS_EVERY_NANOS) {
                lastDrawn = now;
                draw(done, "");
            }
        }

        void finish(long done, long records) {
            draw(done, String.format(Locale.ROOT, " %,d records", records));
            err.println();
        }

        private void draw(long done, String suffix) {
            double share = Math.min(1, (double) done / total);
            int filled = (int) Math.round(share * WIDTH);
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "\rimport [%s%s] %5.1f%% %6.0fs%s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                    share * 100, seconds, suffix);
            err.flush();
        }
    }
}
