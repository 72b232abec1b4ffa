package org.passerelle.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.passerelle.matching.score.ScoredCandidate;

/** Matches a batch of queries on several threads, keeping the results in query order. */
public final class BatchMatching {
    /** Queries EM learns from: enough for stable estimates of every level, few enough to take seconds. */
    public static final int EM_SAMPLE = 2_000;

    private BatchMatching() {
    }

    /** A seeded sample of the queries, for {@link IdentityMatcher#estimate}. */
    public static List<PersonRecord> sample(List<PersonRecord> queries, int size, long seed) {
        List<PersonRecord> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, Math.min(size, shuffled.size()));
    }

    public static List<List<ScoredCandidate>> matchAll(IdentityMatcher matcher, List<PersonRecord> queries, int top,
                                                       int threads) throws IOException {
        List<List<ScoredCandidate>> results = new ArrayList<>(Collections.nCopies(queries.size(), null));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        try {
                            results.set(i, matcher.match(queries.get(i), top));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return results;
    }
}
