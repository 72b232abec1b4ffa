package org.passerelle.server.storage;

import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The node's transaction manager: a commit that returns is on disk, so that a 201 or a signed receipt never names
 * data a crash can take back. PostgreSQL does that itself ({@code synchronous_commit}, left on); on the embedded H2
 * database a transaction that may have written waits for {@link EmbeddedFileSync}. Read-only transactions and
 * {@link RedoableTransactions}, whose loss is repaired by doing them again, do not wait.
 */
final class NodeTransactionManager extends JdbcTransactionManager {

    private final EmbeddedFileSync embeddedSync;

    /** @param embeddedSync null when the database keeps its commits durable itself */
    NodeTransactionManager(DataSource dataSource, EmbeddedFileSync embeddedSync) {
        super(dataSource);
        this.embeddedSync = embeddedSync;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (embeddedSync != null && !status.isReadOnly()
                && !RedoableTransactions.NAME.equals(status.getTransactionName())) {
            // The transaction's connection is still bound to the thread until the transaction is cleaned up.
            ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
            Connection connection = holder.getConnection();
            embeddedSync.awaitDurable(connection);
        }
    }
}
