package org.passerelle.server.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.matching.IdentityMatcher;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.score.FellegiSunterModel;
import org.springframework.stereotype.Component;

/**
 * The scoring models of each book, named by the SHA-256 of their parameters ({@link FellegiSunterModel#hash()}):
 * estimated by EM on the queries the node received (unlabelled, as the match command does), kept in the database and
 * written beside the index as {@code models/<hash>.properties}, so that a candidate list can say which model scored
 * it and be replayed with {@code passerelle match --model FILE}. A book with no estimate yet scores with the engine's starting model.
 */
@Component
class RegistryModels {

    /** A model and the hash that names it. */
    record Named(String hash, FellegiSunterModel model) {
    }

    /** The engine's starting model, named once: every look-up of a book with no estimate yet scores with it. */
    private static final Named STARTING = named(FellegiSunterModel.initial());

    private final RegistryStore store;
    private final IdentityIndexes indexes;
    private final Clock clock;
    private final Map<String, FellegiSunterModel> byHash = new ConcurrentHashMap<>();

    RegistryModels(RegistryStore store, IdentityIndexes indexes, Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.clock = clock;
    }

    /** The book's newest model, or the engine's starting model when none was estimated. */
    Named current(IdentityBook book) {
        return store.newestModel(book)
                .map(row -> new Named(row[0], byHash.computeIfAbsent(row[0], h -> FellegiSunterModel.read(row[1]))))
                .orElse(STARTING);
    }

    /**
     * Estimates a model for the book from {@code queries} and keeps it, unless one with the same parameters is kept
     * already; returns it. {@code excludeSelf} for a book holding the queries themselves.
     */
    Named estimate(IdentityBook book, RegistryIndex index, List<PersonRecord> queries, boolean excludeSelf) {
        FellegiSunterModel model;
        try {
            model = IdentityMatcher.estimate(index, queries, IdentityMatcher.EM_POOL, excludeSelf);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot estimate the " + book.key() + " model", e);
        }
        Named named = named(model);
        if (!store.modelExists(named.hash())) {
            store.saveModel(named.hash(), book, clock.instant(), queries.size(), model.text());
            keepBesideIndex(book, model);
        }
        byHash.put(named.hash(), model);
        return named;
    }

    private void keepBesideIndex(IdentityBook book, FellegiSunterModel model) {
        try {
            model.keepIn(indexes.folder(book).resolve("models"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model beside the index", e);
        }
    }

    private static Named named(FellegiSunterModel model) {
        return new Named(model.hash(), model);
    }
}
