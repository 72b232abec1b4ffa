package org.passerelle.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.storage.RoundWorker;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the head of the audit chain with the node's key at intervals (every so many entries, and at least every so
 * often while entries are added), keeps the signed heads, and announces each one ({@link AuditCheckpointSigned}) so
 * that the peers can witness it. Several instances of a node may try the same head: the first one's stays.
 */
@Service
public class AuditCheckpoints implements SmartLifecycle {

    /** How often the worker looks whether a head is due, besides being woken after many entries. */
    private static final Duration LOOK = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final NodeIdentity identity;
    private final PartyDirectory parties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditProperties.Checkpoint settings;
    private final Clock clock;
    private final RoundWorker worker;

    AuditCheckpoints(JdbcClient jdbc, NodeIdentity identity, PartyDirectory parties, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.parties = parties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.checkpoint();
        this.clock = clock;
        this.worker = new RoundWorker("audit-checkpoints", LOOK, () -> signIfDue(false));
    }

    /**
     * Signs the head of the chain as linked so far (entries still pending are covered by the next head) if it is due,
     * or, {@code force}, whenever it moved since the last one.
     */
    public Optional<AuditCheckpoint> signIfDue(boolean force) {
        try {
            return transactions.execute(status -> {
                Map<String, Object> head = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1").query().singleRow();
                long seq = ((Number) head.get("seq")).longValue();
                Optional<AuditCheckpoint> last = latest();
                long lastSeq = last.map(AuditCheckpoint::seq).orElse(0L);
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                boolean due = seq > lastSeq && (force || seq - lastSeq >= settings.everyEntries()
                        || last.map(c -> !c.signedAt().plus(settings.every()).isAfter(now)).orElse(true));
                if (!due) {
                    return Optional.<AuditCheckpoint>empty();
                }
                String hash = ((String) head.get("entry_hash")).strip();
                AuditCheckpoint checkpoint = new AuditCheckpoint(seq, hash, now,
                        identity.sign(AuditCheckpoint.signedBytes(parties.self().code(), seq, hash, now)));
                jdbc.sql("INSERT INTO audit_checkpoint (seq, entry_hash, signed_at, signature) VALUES (:s, :h, :at, :sig)")
                        .param("s", seq).param("h", hash).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("sig", checkpoint.signature()).update();
                events.publishEvent(new AuditCheckpointSigned(checkpoint));
                return Optional.of(checkpoint);
            });
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another instance signed this head first
        }
    }

    /** Wakes the worker when the chain has grown by a checkpoint's worth of entries. */
    void chainGrewTo(long seq) {
        if (seq - latest().map(AuditCheckpoint::seq).orElse(0L) >= settings.everyEntries()) {
            worker.wake();
        }
    }

    /** The node's signed heads, oldest first. */
    public List<AuditCheckpoint> all() {
        return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq").query(AuditCheckpoints::checkpoint).list();
    }

    public Optional<AuditCheckpoint> latest() {
        return jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .query(AuditCheckpoints::checkpoint).optional();
    }

    /** Whether {@code checkpoint} carries this node's signature over what it says. */
    boolean signedHere(AuditCheckpoint checkpoint) {
        return identity.signedHere(AuditCheckpoint.signedBytes(parties.self().code(), checkpoint.seq(),
                checkpoint.entryHash(), checkpoint.signedAt()), checkpoint.signature());
    }

    private static AuditCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new AuditCheckpoint(rs.getLong("seq"), rs.getString("entry_hash").strip(),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signature"));
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
