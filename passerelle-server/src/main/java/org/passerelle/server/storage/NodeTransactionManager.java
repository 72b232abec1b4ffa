package org.passerelle.server.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The node's transaction manager: a commit that returns is on disk, so that a 201 or a signed receipt never names
 * data a crash can take back. PostgreSQL does that itself ({@code synchronous_commit}, left on); on the embedded H2
 * database a transaction that wrote waits for {@link EmbeddedFileSync}. Transactions that wrote nothing, and
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
        boolean wait = embeddedSync != null && !status.isReadOnly()
                && !RedoableTransactions.NAME.equals(status.getTransactionName());
        // The transaction's connection is still bound to the thread until the transaction is cleaned up.
        Connection connection = wait
                ? ((ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource())).getConnection()
                : null;
        wait = wait && wrote(connection);
        super.doCommit(status);
        if (wait) {
            embeddedSync.awaitDurable(connection);
        }
    }

    /** Whether the H2 transaction on {@code connection} has changed anything: it has an id only once it has. */
    private static boolean wrote(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet id = statement.executeQuery("SELECT TRANSACTION_ID()")) {
            return !id.next() || id.getObject(1) != null;
        } catch (SQLException e) {
            return true; // when in doubt, sync
        }
    }
}
