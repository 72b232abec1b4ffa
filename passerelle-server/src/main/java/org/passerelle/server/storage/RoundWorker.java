package org.passerelle.server.storage;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A virtual thread working through a queue kept in the database, in rounds: one at start, then one whenever it
 * is woken, and at least every poll interval. A worker may gather: once woken, it waits a little before its round,
 * so that one round takes the work of many wake-ups. A failed round is logged and the next one tries again: the
 * work is still in the database.
 */
public final class RoundWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RoundWorker.class);
    /** How long stopping waits for a round to end before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Duration pollInterval;
    private final Duration gather;
    private final Runnable round;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** A worker whose round starts as soon as it is woken. */
    public RoundWorker(String name, Duration pollInterval, Runnable round) {
        this(name, pollInterval, Duration.ZERO, round);
    }

    /** A worker that, once woken, waits {@code gather} before its round. */
    public RoundWorker(String name, Duration pollInterval, Duration gather, Runnable round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.gather = gather;
        this.round = round;
    }

    /** Asks for a round now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Asks for a round once the current transaction commits (at once outside a transaction). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    public void start() {
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    private void run() {
        while (running) {
            try {
                round.run();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("A round of {} failed; the next one tries again", name, e);
                } else {
                    LOG.info("A round of {} ended by the node stopping: {}", name, e.toString());
                }
            }
            try {
                if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS) && gather.isPositive() && running) {
                    Thread.sleep(gather);
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Lets the current round finish, then ends the worker. It is not interrupted unless a round outlasts the wait: an
     * interrupt in the middle of the embedded database's file I/O closes the database file under every other thread
     * (which a command-line task's shutdown used to print as a stack trace).
     */
    public void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(STOP_WAIT.toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_WAIT.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }
}
