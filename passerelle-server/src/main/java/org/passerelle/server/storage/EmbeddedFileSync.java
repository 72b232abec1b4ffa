package org.passerelle.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Makes commits on the embedded H2 database durable before their callers go on. H2 writes committed changes to its
 * file from a background thread, up to a second after the commit returns: a crash in that second loses what the
 * node had already answered 201 or signed a receipt for. {@code CHECKPOINT SYNC} writes everything committed and
 * forces the file to the disk.
 *
 * <p>Commits that end together share one sync (group commit): a commit asks for a sync after it returned; the first
 * asker runs one on its own connection while the others wait for one that started after they asked, which covers
 * their commit. Under load a sync covers many commits, so the cost per commit falls as the load rises.
 */
final class EmbeddedFileSync {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    /** Asks counted so far; a sync started after ask n covers the commits of asks 1..n. */
    private long asked;
    /** The highest ask a finished sync covered. */
    private long covered;
    private boolean syncing;

    /** Returns once a sync that started after this call has finished; {@code connection} may run it. */
    void awaitDurable(Connection connection) {
        long ticket;
        long target;
        lock.lock();
        try {
            ticket = ++asked;
            while (true) {
                if (covered >= ticket) {
                    return;
                }
                if (!syncing) {
                    syncing = true;
                    target = asked;
                    break;
                }
                finished.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        boolean done = false;
        try {
            sync(connection);
            done = true;
        } finally {
            lock.lock();
            try {
                syncing = false;
                if (done) {
                    covered = Math.max(covered, target);
                }
                finished.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static void sync(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not force the embedded database to the disk", e);
        }
    }
}
