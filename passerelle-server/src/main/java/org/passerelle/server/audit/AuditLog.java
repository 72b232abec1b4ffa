package org.passerelle.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final AuditCheckpoints checkpoints;

    AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Clock clock, AuditSequencer sequencer,
            AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
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

    /**
     * Walks the whole chain from the first entry and reports the first entry that does not hold, then checks it
     * against the heads this node signed: a chain whose last entries were removed, or whose entries were rewritten
     * with their hashes recomputed, still walks, but no longer ends where, or hashes as, a signed head says.
     */
    public ChainVerification verify() {
        return verify(checkpoints.all(), "this node");
    }

    /**
     * As {@link #verify()}, against heads of this node's chain kept elsewhere ({@code keptBy}: a peer that witnessed
     * them), each of which must carry this node's signature.
     */
    public ChainVerification verify(List<AuditCheckpoint> signedHeads, String keptBy) {
        sequencer.sequencePending();
        // The head first: entries linked during the walk come after it, and are left for the next verification.
        Map<String, Object> head = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1").query().singleRow();
        ChainWalk walk = new ChainWalk(signedHeads.stream().map(AuditCheckpoint::seq).collect(Collectors.toSet()));
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
        long heldUpTo = 0;
        for (AuditCheckpoint signed : signedHeads.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)).toList()) {
            if (!checkpoints.signedHere(signed)) {
                return ChainVerification.broken(walk.checked(), signed.seq(), "the head for entry " + signed.seq()
                        + " kept by " + keptBy + " does not carry this node's signature");
            }
            if (signed.seq() > walk.lastSeq()) {
                return ChainVerification.broken(walk.checked(), walk.lastSeq() + 1, "entries " + (walk.lastSeq() + 1)
                        + " to " + signed.seq() + " were removed: " + keptBy + " holds this node's signature over entry "
                        + signed.seq() + ", signed " + signed.signedAt());
            }
            if (!walk.hashAt(signed.seq()).equals(signed.entryHash())) {
                return ChainVerification.broken(walk.checked(), heldUpTo + 1, "entries " + (heldUpTo + 1) + " to "
                        + signed.seq() + " were rewritten: " + keptBy + " holds this node's signature over entry "
                        + signed.seq() + " with another hash, signed " + signed.signedAt());
            }
            heldUpTo = signed.seq();
        }
        return ChainVerification.intact(walk.checked(), signedHeads.size(), keptBy);
    }

    private static AuditEntry entryOf(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                AuditEvent.fromRow(rs), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** State of a walk along the chain; stops at the first entry that breaks it, keeps the hashes of {@code wanted}. */
    private static final class ChainWalk {
        private final Set<Long> wanted;
        private final Map<Long, String> hashes = new HashMap<>();
        private long checked;
        private long lastSeq;
        private String lastHash = AuditHashing.GENESIS;
        private ChainVerification result;

        ChainWalk(Set<Long> wanted) {
            this.wanted = wanted;
        }

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
                if (wanted.contains(lastSeq)) {
                    hashes.put(lastSeq, lastHash);
                }
            }
        }

        String hashAt(long seq) {
            return hashes.get(seq);
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
