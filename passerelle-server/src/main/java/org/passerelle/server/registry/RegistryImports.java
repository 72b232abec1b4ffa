package org.passerelle.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.passerelle.csv.CountingInputStream;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.storage.PlannerStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the civil registry from a CSV in the {@code match} format
 * ({@code person_id,names,sex,birth_date,birth_place,father_name,mother_name}): rows written in batches, each batch in a
 * transaction of its own with the import's progress, so that a page can follow it and a crash keeps the rows read.
 * A refused row is kept with its line and column (the first {@value RegistryStore#PROBLEMS_KEPT}) and the rest of the
 * file goes on; a person already in the registry is replaced (a correction). The index takes each batch as it commits.
 * An import whose node stopped shows as interrupted once it has been silent a while; the rows it wrote stay.
 */
@Component
class RegistryImports {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryImports.class);
    private static final int BATCH = 1000;


    private final RegistryStore store;
    private final IdentityIndexes indexes;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PlannerStatistics statistics;
    private final Clock clock;

    RegistryImports(RegistryStore store, IdentityIndexes indexes, AuditTrail audit,
            PlatformTransactionManager transactionManager, PlannerStatistics statistics, Clock clock) {
        this.store = store;
        this.statistics = statistics;
        this.indexes = indexes;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Records that an import starts; its rows are read by {@link #run}. */
    long start(Viewer viewer, String fileName, long bytesTotal) {
        return transactions.execute(status -> store.startImport(fileName, viewer.username(), bytesTotal, clock.instant()));
    }

    /** Reads the file into the registry; returns how it ended. */
    ImportStatus run(Viewer viewer, long importId, Path file, Registry.ImportProgress progress) {
        long total;
        AtomicLong read = new AtomicLong();
        long[] counts = new long[2];
        List<ImportStatus.Problem> problems = new ArrayList<>();
        try (InputStream in = new CountingInputStream(Files.newInputStream(file), read)) {
            total = Files.size(file);
            List<PersonRecord> batch = new ArrayList<>(BATCH);
            RecordCsv.Counts result = RecordCsv.read(in, file.getFileName().toString(), RecordCsv.Kind.REGISTRY,
                    person -> {
                        batch.add(person);
                        if (batch.size() == BATCH) {
                            counts[0] += batch.size();
                            write(importId, batch, problems, read.get(), counts);
                            progress.update(read.get(), total, counts[0], counts[1]);
                        }
                    }, problem -> {
                        counts[1]++;
                        if (problems.size() < RegistryStore.PROBLEMS_KEPT) {
                            problems.add(new ImportStatus.Problem(problem.line(), problem.column(), problem.message()));
                        }
                    });
            counts[0] += batch.size();
            write(importId, batch, problems, read.get(), counts);
            progress.update(total, total, result.records(), result.malformed());
            finish(viewer, importId, ImportStatus.State.DONE, null, result.records(), result.malformed());
        } catch (IllegalArgumentException e) {
            // The header is not the contract's: no row of the file can be trusted.
            finish(viewer, importId, ImportStatus.State.FAILED, e.getMessage(), counts[0], counts[1]);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Registry import {} failed", importId, e);
            finish(viewer, importId, ImportStatus.State.FAILED, "the import stopped: " + e.getMessage(), counts[0],
                    counts[1]);
        }
        return store.importStatus(importId, clock.instant()).orElseThrow();
    }

    /** Writes a batch with the import's progress and the problems found so far, in one transaction. */
    private void write(long importId, List<PersonRecord> batch, List<ImportStatus.Problem> problems, long bytesRead,
            long[] counts) {
        List<ImportStatus.Problem> found = List.copyOf(problems);
        transactions.executeWithoutResult(status -> {
            if (!batch.isEmpty()) {
                store.put(IdentityBook.CIVIL_REGISTRY, batch, importId);
            }
            store.problems(importId, found);
            store.progress(importId, bytesRead, counts[0], counts[1], clock.instant());
        });
        problems.clear();
        batch.clear();
        indexes.catchUp(IdentityBook.CIVIL_REGISTRY);
        if (Long.bitCount(counts[0] / BATCH) == 1 && (Long.numberOfTrailingZeros(counts[0] / BATCH) % 2 == 0)) {
            // At 1, 4, 16, 64... batches: a database that plans the row replacement on the table's size at the start
            // (PostgreSQL without autovacuum) would scan the whole table for every row.
            statistics.refresh("registry_person");
        }
    }

    private void finish(Viewer viewer, long importId, ImportStatus.State state, String message, long records,
            long refused) {
        transactions.executeWithoutResult(status -> {
            store.finishImport(importId, state, message, clock.instant());
            audit.record(viewer, "registry.import", "registry-import", Long.toString(importId),
                    state == ImportStatus.State.DONE ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    records + " records, " + refused + " rows refused" + (message == null ? "" : ": " + message));
        });
    }
}
