package org.passerelle.server.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.server.storage.RedoableTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signatures of node-to-node requests seen lately, so that a captured request cannot be played again while its
 * date is still accepted (it would, say, hold the one reception slot of its node and keep the genuine deliveries
 * out). Kept in the database, which every instance of a node shares, for as long as a signed date is accepted on
 * either side of this node's clock.
 */
@Component
class SeenSignatures {

    /** How often expired signatures are cleared away. */
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final RedoableTransactions transactions;
    private final Duration keep;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    SeenSignatures(JdbcClient jdbc, RedoableTransactions transactions, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keep = properties.maxClockSkew().multipliedBy(2);
        this.clock = clock;
    }

    /**
     * Records a request's signature; false when it was seen before (a replay). A crash may forget the last few,
     * which only reopens the window a signed date stays accepted.
     */
    boolean firstUse(String signature) {
        Instant now = clock.instant();
        sweepExpired(now);
        try {
            transactions.run(() -> jdbc.sql("INSERT INTO exchange_seen_signature (signature_hash, expires_at) VALUES (:h, :until)")
                    .param("h", EnvelopeJson.sha256Hex(signature)).param("until", EnvelopeStore.utc(now.plus(keep)))
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void sweepExpired(Instant now) {
        Instant last = lastSweep.get();
        if (now.isAfter(last.plus(SWEEP)) && lastSweep.compareAndSet(last, now)) {
            transactions.run(() -> jdbc.sql("DELETE FROM exchange_seen_signature WHERE expires_at < :now")
                    .param("now", EnvelopeStore.utc(now)).update());
        }
    }
}
