package org.passerelle.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.passerelle.server.storage.RedoableTransactions;
import org.passerelle.server.storage.RoundWorker;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links committed appends into the hash chain: takes the chain's head, gives each pending entry the next
 * sequence number and its hashes, moves it into {@code audit_log}, and moves the head, in one transaction.
 *
 * <p>Appending and linking are split so that an append is one insert that locks nothing: linking inside the
 * action's transaction held the head's lock until that transaction's commit reached the disk, which put every
 * writer of the node in one queue. An entry waits here from its commit until the next round, normally tens of
 * milliseconds (each commit that appended wakes the sequencer, which gathers briefly); reading or verifying the log
 * links whatever is pending first. A crash can lose a round, which is then done again: its entries are still pending.
 */
@Component
class AuditSequencer implements SmartLifecycle {

    private static final int BATCH = 1000;
    /**
     * How long a woken sequencer gathers before its round. Every committed append wakes it: at a few hundred
     * appends a second, rounds of one or two entries took a third of the node's transactions (each locks the head,
     * reads the pending entries, links them and commits); gathering for this long makes rounds of dozens.
     */
    private static final Duration GATHER = Duration.ofMillis(50);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final RedoableTransactions transactions;
    private final RoundWorker worker = new RoundWorker("audit-sequencer", Duration.ofSeconds(1), GATHER,
            this::sequencePending);

    private final AuditCheckpoints checkpoints;

    AuditSequencer(JdbcClient jdbc, NamedParameterJdbcTemplate batches, RedoableTransactions transactions,
            AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.checkpoints = checkpoints;
    }

    /** Links every pending entry committed so far; returns how many. */
    int sequencePending() {
        int linked = 0;
        int round;
        do {
            round = transactions.execute(this::linkBatch);
            linked += round;
        } while (round == BATCH);
        return linked;
    }

    private int linkBatch() {
        Map<String, Object> head = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query().singleRow();
        // Read after the lock: a round that ran meanwhile has committed, and its entries are gone from here.
        List<Pending> pending = jdbc.sql("SELECT * FROM audit_pending ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")
                .query(AuditSequencer::pending).list();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = ((Number) head.get("seq")).longValue();
        String previousHash = (String) head.get("entry_hash");
        SqlParameterSource[] rows = new SqlParameterSource[pending.size()];
        for (int i = 0; i < rows.length; i++) {
            Pending entry = pending.get(i);
            AuditEvent e = entry.event();
            seq++;
            String hash = AuditHashing.hash(seq, entry.recordedAt().toInstant(), e, previousHash);
            rows[i] = new MapSqlParameterSource().addValue("seq", seq).addValue("at", entry.recordedAt())
                    .addValue("actor", e.actor()).addValue("action", e.action()).addValue("recordType", e.recordType())
                    .addValue("recordId", e.recordId()).addValue("address", e.address())
                    .addValue("outcome", e.outcome().name()).addValue("details", e.details())
                    .addValue("prev", previousHash).addValue("hash", hash);
            previousHash = hash;
        }
        batches.batchUpdate("""
                INSERT INTO audit_log (seq, recorded_at, actor, action, record_type, record_id, address, outcome,
                                       details, prev_hash, entry_hash)
                VALUES (:seq, :at, :actor, :action, :recordType, :recordId, :address, :outcome, :details, :prev, :hash)
                """, rows);
        jdbc.sql("DELETE FROM audit_pending WHERE id IN (:ids)").param("ids", pending.stream().map(Pending::id).toList())
                .update();
        jdbc.sql("UPDATE audit_head SET seq = :seq, entry_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", previousHash).update();
        checkpoints.chainGrewTo(seq);
        return pending.size();
    }

    /** Asks for a round once the current transaction commits (at once outside a transaction). */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
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

    private record Pending(long id, OffsetDateTime recordedAt, AuditEvent event) {
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class),
                AuditEvent.fromRow(rs));
    }
}
