package org.passerelle.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit chain.
 *
 * <p>An append joins the transaction of the action it records, so the entry exists if and only if the action
 * happened (refusals and failures are recorded outside any business transaction, so they always stay), and
 * one commit covers both. It is one insert into the pending entries, which {@link AuditSequencer} links into the
 * chain right after the commit, one at a time, keeping the sequence gap-free and each entry's previous hash exact
 * under concurrent requests. Reads and verification link what is pending first, so they see every committed entry.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Clock clock;
    private final AuditSequencer sequencer;

    AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Clock clock, AuditSequencer sequencer) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.sequencer = sequencer;
    }

    @Transactional
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /** Appends several entries in one batch, in this order. */
    @Transactional
    public void recordAll(List<AuditEvent> events) {
        // Microseconds are what both H2 and PostgreSQL store, so the hash survives the round trip.
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        batches.batchUpdate("""
                INSERT INTO audit_pending (recorded_at, actor, action, record_type, record_id, address, outcome, details)
                VALUES (:at, :actor, :action, :recordType, :recordId, :address, :outcome, :details)
                """, events.stream().map(event -> new MapSqlParameterSource().addValue("at", at)
                .addValue("actor", clip(event.actor(), 120)).addValue("action", event.action())
                .addValue("recordType", event.recordType()).addValue("recordId", clip(event.recordId(), 120))
                .addValue("address", clip(event.address(), 64)).addValue("outcome", event.outcome().name())
                .addValue("details", clip(event.details(), 1000))).toArray(SqlParameterSource[]::new));
        sequencer.wakeAfterCommit();
    }

    /** Entries matching every given criterion (null criteria match all), newest first. */
    public List<AuditEntry> search(AuditFilter filter) {
        sequencer.sequencePending();
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action LIKE ?");
            params.add(filter.action() + "%");
        }
        if (filter.recordId() != null) {
            sql.append(" AND record_id = ?");
            params.add(filter.recordId());
        }
        if (filter.from() != null) {
            sql.append(" AND recorded_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND recorded_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entryOf).list();
    }

    /** Walks the whole chain from the first entry and reports the first entry that does not hold. */
    public ChainVerification verify() {
        sequencer.sequencePending();
        // The head first: entries linked during the walk come after it, and are left for the next verification.
        Map<String, Object> head = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1").query().singleRow();
        ChainWalk walk = new ChainWalk();
        jdbc.sql("SELECT * FROM audit_log WHERE seq <= :head ORDER BY seq").param("head", head.get("seq"))
                .query((ResultSet rs) -> {
                    walk.accept(entryOf(rs, 0));
                });
        if (walk.result() != null) {
            return walk.result();
        }
        if (((Number) head.get("seq")).longValue() != walk.lastSeq() || !head.get("entry_hash").equals(walk.lastHash())) {
            return ChainVerification.broken(walk.checked(), walk.lastSeq() + 1,
                    "entries after " + walk.lastSeq() + " were removed (the chain head names seq " + head.get("seq") + ")");
        }
        return ChainVerification.intact(walk.checked());
    }

    private static AuditEntry entryOf(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                AuditEvent.fromRow(rs), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** State of a walk along the chain; stops at the first entry that breaks it. */
    private static final class ChainWalk {
        private long checked;
        private long lastSeq;
        private String lastHash = AuditHashing.GENESIS;
        private ChainVerification result;

        void accept(AuditEntry entry) {
            if (result != null) {
                return;
            }
            if (entry.seq() != lastSeq + 1) {
                result = ChainVerification.broken(checked, lastSeq + 1, "entry " + (lastSeq + 1) + " is missing");
            } else if (!entry.previousHash().equals(lastHash)) {
                result = ChainVerification.broken(checked, entry.seq(), "its previous-hash does not match entry " + lastSeq);
            } else if (!AuditHashing.hash(entry.seq(), entry.recordedAt(), entry.event(), entry.previousHash())
                    .equals(entry.hash())) {
                result = ChainVerification.broken(checked, entry.seq(), "its content does not match its hash");
            } else {
                checked++;
                lastSeq = entry.seq();
                lastHash = entry.hash();
            }
        }

        long checked() {
            return checked;
        }

        long lastSeq() {
            return lastSeq;
        }

        String lastHash() {
            return lastHash;
        }

        ChainVerification result() {
            return result;
        }
    }
}
