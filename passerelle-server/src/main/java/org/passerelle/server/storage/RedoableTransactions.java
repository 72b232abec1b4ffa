package org.passerelle.server.storage;

import java.sql.DatabaseMetaData;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for work that is simply done again if a crash loses it (delivery bookkeeping, linking audit
 * entries into the chain). On PostgreSQL their commit does not wait for the write-ahead log to reach the disk
 * ({@code synchronous_commit = off}): a crash can lose the last few hundred milliseconds of them, never half of
 * one, and never anything committed before. On a loopback disk whose flush takes milliseconds this is what
 * lets one worker keep up; business changes and anything promised to a peer keep the default, durable commit. On the
 * embedded database they skip the file sync every other commit waits for ({@link NodeTransactionManager}).
 */
@Component
public class RedoableTransactions {

    /** The name these transactions carry, by which the transaction manager knows them. */
    static final String NAME = "redoable";

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final boolean postgresql;

    RedoableTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, DataSource dataSource)
            throws MetaDataAccessException {
        this.transactions = new TransactionTemplate(transactionManager);
        // Always a transaction of its own: the setting lasts for the whole transaction, which must never be a
        // caller's business transaction.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transactions.setName(NAME);
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgresql = "PostgreSQL".equalsIgnoreCase(product);
    }

    /** Runs {@code work} in a transaction of its own (the caller's, if any, is suspended) that need not wait for the disk. */
    public <T> T execute(Supplier<T> work) {
        return transactions.execute(status -> {
            if (postgresql) {
                jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            }
            return work.get();
        });
    }

    public void run(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        });
    }
}
