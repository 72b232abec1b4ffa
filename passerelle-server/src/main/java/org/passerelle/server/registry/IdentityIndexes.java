package org.passerelle.server.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.server.party.NodeProperties;
import org.passerelle.server.storage.RoundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The matching engine's indexes on disk, one per book under {@code <data-dir>/index}: caches of the registry's rows,
 * which any instance of the node can rebuild. Each index remembers the last row (seq) it holds and takes the later ones
 * to catch up, after an import here, at start, and every half minute (rows another instance or a command-line import
 * wrote); an index built with another layout of the engine is rebuilt. A command-line task does not open them (the
 * running node holds their lock).
 */
@Component
class IdentityIndexes implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityIndexes.class);
    private static final String SEQ = "registry.seq";
    private static final String LAYOUT = "registry.layout";
    private static final int BATCH = 5000;
    /** A catch-up of at least this many rows merges the index into one segment, as a full import does. */
    private static final int MERGE_FROM = 50_000;

    private final RegistryStore store;
    private final Path root;
    private final boolean enabled;
    private final Map<IdentityBook, RegistryIndex> indexes = new EnumMap<>(IdentityBook.class);
    private final Map<IdentityBook, ReentrantLock> locks = new EnumMap<>(IdentityBook.class);
    private final Map<IdentityBook, Boolean> ready = new EnumMap<>(IdentityBook.class);
    private final RoundWorker worker;

    IdentityIndexes(RegistryStore store, NodeProperties node, RegistryProperties properties) {
        this.store = store;
        this.root = node.dataDir().resolve("index");
        this.enabled = properties.indexEnabled();
        for (IdentityBook book : IdentityBook.values()) {
            locks.put(book, new ReentrantLock());
            ready.put(book, false);
        }
        this.worker = new RoundWorker("registry-index", Duration.ofSeconds(30), this::catchUpAll);
    }

    /** Whether the book's index holds every row the node had when it last caught up. */
    synchronized boolean ready(IdentityBook book) {
        return ready.get(book);
    }

    /** The book's index, opened on first use; null when indexes are not opened in this process. */
    RegistryIndex index(IdentityBook book) {
        if (!enabled) {
            return null;
        }
        synchronized (this) {
            return indexes.computeIfAbsent(book, this::open);
        }
    }

    /** Takes the rows written to the book since the index last did. */
    void catchUp(IdentityBook book) {
        RegistryIndex index = index(book);
        if (index == null) {
            return;
        }
        ReentrantLock lock = locks.get(book);
        lock.lock();
        try {
            boolean stale = !String.valueOf(RegistryIndex.LAYOUT).equals(index.facts().get(LAYOUT));
            long indexed = stale ? 0 : Long.parseLong(index.facts().getOrDefault(SEQ, "0"));
            if (stale && index.size() > 0) {
                LOG.info("The {} index was built with another layout: rebuilding it", book.key());
                index.clear();
            }
            List<PersonRecord> batch = new ArrayList<>(BATCH);
            long[] last = {indexed};
            int[] taken = {0};
            store.forEachAfter(book, indexed, row -> {
                batch.add(row.person());
                last[0] = row.seq();
                taken[0]++;
                if (batch.size() == BATCH) {
                    put(index, batch);
                }
            });
            put(index, batch);
            if (taken[0] >= MERGE_FROM) {
                index.mergeIntoOneSegment();
            }
            if (taken[0] > 0 || stale) {
                index.commit(Map.of(SEQ, Long.toString(last[0]), LAYOUT, String.valueOf(RegistryIndex.LAYOUT)));
            }
            synchronized (this) {
                ready.put(book, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bring the " + book.key() + " index up to date", e);
        } finally {
            lock.unlock();
        }
    }

    private static void put(RegistryIndex index, List<PersonRecord> batch) {
        try {
            for (PersonRecord person : batch) {
                index.put(person);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    private void catchUpAll() {
        for (IdentityBook book : IdentityBook.values()) {
            catchUp(book);
        }
    }

    /** Wakes the worker, which catches every index up. */
    void wake() {
        worker.wakeAfterCommit();
    }

    /** Where the book's index lives, and beside it the models estimated on it. */
    Path folder(IdentityBook book) {
        return root.resolve(book.key());
    }

    private RegistryIndex open(IdentityBook book) {
        try {
            Files.createDirectories(folder(book));
            return RegistryIndex.open(folder(book).resolve("lucene"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + book.key() + " index", e);
        }
    }

    @Override
    public void start() {
        if (enabled) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop();
        synchronized (this) {
            for (RegistryIndex index : indexes.values()) {
                try {
                    index.close();
                } catch (IOException e) {
                    LOG.warn("Closing an identity index failed", e);
                }
            }
            indexes.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
