package org.passerelle.server.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.passerelle.matching.IdentityMatcher;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.score.DecisionThresholds;
import org.passerelle.matching.score.Field;
import org.passerelle.matching.score.ScoredCandidate;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The node's identity books as the other modules use them: look a person up (candidates with a calibrated probability,
 * a decision and an explanation, and the hash of the model that scored them), read a record, add a person, estimate
 * the scoring model from the queries received. Callers audit the reads they make for a user.
 */
@Service
public class Registry {

    /**
     * One candidate of a look-up.
     *
     * @param decision {@code match}, {@code possible} or {@code non-match}
     * @param explanation the engine's explanation in one line (English, for the API and logs)
     * @param fields how each field compared, for a page to explain in the reader's language
     */
    public record Candidate(String personId, double probability, String decision, String explanation,
            List<FieldComparison> fields) {
    }

    /**
     * How one field of the query compared with the candidate's.
     *
     * @param field the field's name ({@code names}, {@code birth_date}, {@code birth_place}, {@code sex}, {@code father},
     *        {@code mother})
     * @param level the agreement level's index, best first (0…), or -1 when either side leaves the field empty
     * @param levelName the level in the engine's words ("same year, conventional date")
     * @param bits the evidence the field gave, in bits (positive for the candidate)
     * @param detail the values that agreed ("mohamed~محمد"), may be empty
     */
    public record FieldComparison(String field, int level, String levelName, double bits, String detail) {
    }

    /**
     * A look-up's candidates, best first, and the model that scored them; {@code ready} false while the book's index
     * is still being built (no candidates then).
     */
    public record Candidates(String modelHash, List<Candidate> candidates, boolean ready) {
    }

    private final RegistryStore store;
    private final IdentityIndexes indexes;
    private final RegistryModels models;
    private final RegistryImports imports;
    private final RegistryProperties properties;
    private final Clock clock;

    Registry(RegistryStore store, IdentityIndexes indexes, RegistryModels models, RegistryImports imports,
            RegistryProperties properties, Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.models = models;
        this.imports = imports;
        this.properties = properties;
        this.clock = clock;
    }

    /** Told of an import's progress as it goes: bytes read of the file, records kept, rows refused. */
    public interface ImportProgress {
        void update(long bytesRead, long bytesTotal, long records, long refused);
    }

    /** Imports a civil registry file now (the command line), telling {@code progress} as it goes. */
    public ImportStatus importFile(Viewer viewer, Path file, ImportProgress progress) throws IOException {
        requireAdministrator(viewer);
        long id = imports.start(viewer, file.getFileName().toString(), Files.size(file));
        return imports.run(viewer, id, file, progress::update);
    }

    /**
     * Starts importing an uploaded civil registry file in the background and returns the import's id, for a page to
     * follow; {@code file} is deleted once read.
     */
    public long startImport(Viewer viewer, Path file, String fileName) throws IOException {
        requireAdministrator(viewer);
        long id = imports.start(viewer, fileName, Files.size(file));
        Thread.ofVirtual().name("registry-import-" + id).start(() -> {
            try {
                imports.run(viewer, id, file, (read, total, records, refused) -> { });
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the folder
                }
            }
        });
        return id;
    }

    public Optional<ImportStatus> importStatus(Viewer viewer, long id) {
        requireAdministrator(viewer);
        return store.importStatus(id, clock.instant());
    }

    public List<ImportStatus> recentImports(Viewer viewer) {
        requireAdministrator(viewer);
        return store.recentImports(20, clock.instant());
    }

    /** Registry imports are the administrators' (or the operator's on the command line). */
    private static void requireAdministrator(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("Registry imports are for administrators");
        }
    }

    /** The {@code top} best candidates for {@code query} in the book. */
    public Candidates candidates(IdentityBook book, PersonRecord query, int top) {
        RegistryModels.Named model = models.current(book);
        RegistryIndex index = indexes.index(book);
        if (index == null || !indexes.ready(book) || index.size() == 0) {
            return new Candidates(model.hash(), List.of(), index != null && indexes.ready(book));
        }
        IdentityMatcher matcher = new IdentityMatcher(index, model.model(),
                new DecisionThresholds(properties.matchThreshold(), properties.possibleThreshold()),
                IdentityMatcher.DEFAULT_POOL);
        try {
            return new Candidates(model.hash(), matcher.match(query, top).stream().map(Registry::candidate).toList(),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the " + book.name() + " index", e);
        }
    }

    /** The hash of the model the book scores with now. */
    public String modelHash(IdentityBook book) {
        return models.current(book).hash();
    }

    public Optional<PersonRecord> person(IdentityBook book, String personId) {
        return store.person(book, personId);
    }

    public long size(IdentityBook book) {
        return store.count(book);
    }

    /**
     * Adds a person to the book (or replaces the record with its id), in the caller's transaction; the index takes it
     * once that commits.
     */
    @Transactional
    public void add(IdentityBook book, PersonRecord person) {
        store.put(book, List.of(person), null);
        indexes.wake();
    }

    /**
     * Estimates the book's scoring model from {@code queries} (the newest, at most the configured sample) and makes it
     * the current one; returns its hash. {@code excludeSelf} for a book that holds the queries themselves.
     */
    @Transactional
    public String estimateModel(IdentityBook book, List<PersonRecord> queries, boolean excludeSelf) {
        indexes.catchUp(book);
        RegistryIndex index = indexes.index(book);
        if (index == null || index.size() == 0 || queries.isEmpty()) {
            return models.current(book).hash();
        }
        List<PersonRecord> sample = queries.subList(Math.max(0, queries.size() - properties.estimationSample()),
                queries.size());
        return models.estimate(book, index, sample, excludeSelf).hash();
    }

    private static Candidate candidate(ScoredCandidate scored) {
        List<FieldComparison> fields = scored.outcomes().stream()
                .map(o -> new FieldComparison(o.field().label(), o.level(), o.field().levelName(o.level()),
                        o.level() == Field.MISSING ? 0 : scored.weights()[o.field().ordinal()], o.detail()))
                .toList();
        return new Candidate(scored.personId(), scored.probability(), scored.decision().csv(), scored.explanation(),
                fields);
    }

    /**
     * Takes the rows committed to the book so far into its index now, for a caller about to search what was just
     * written (the index otherwise catches up in the background, soon after each commit).
     */
    public void catchUp(IdentityBook book) {
        indexes.catchUp(book);
    }

    /** The newest {@code limit} persons written to the book, oldest first. */
    public List<PersonRecord> newest(IdentityBook book, int limit) {
        return store.newest(book, limit);
    }
}
