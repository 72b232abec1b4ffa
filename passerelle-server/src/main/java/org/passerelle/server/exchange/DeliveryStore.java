package org.passerelle.server.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: one row per outgoing envelope and recipient, in the order they must reach that recipient. */
@Repository
class DeliveryStore {

    /** A delivery still to make, with the envelope as it travels; {@code held}: the peer holds it (out of line). */
    record Pending(long seq, String envelopeId, String peer, int attempts, Instant nextAttemptAt, boolean held,
            String body) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    DeliveryStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void queue(String envelopeId, String peer, Instant now) {
        jdbc.sql("""
                INSERT INTO exchange_delivery (envelope_id, peer, state, next_attempt_at)
                VALUES (:e, :peer, 'QUEUED', :now)
                """).param("e", envelopeId).param("peer", peer).param("now", EnvelopeStore.utc(now)).update();
    }

    /**
     * The next deliveries to one peer that go in order, oldest first (queued, sent, retrying). The batch is chosen
     * before the bodies are joined: joined first, a backlog of thousands read every body of it for each batch of a
     * hundred, so a node that fell behind fell further behind.
     */
    List<Pending> pending(String peer, int limit) {
        return jdbc.sql("""
                SELECT d.seq, d.envelope_id, d.peer, d.attempts, d.next_attempt_at, d.state, e.body
                FROM (SELECT seq, envelope_id, peer, attempts, next_attempt_at, state FROM exchange_delivery
                      WHERE peer = :peer AND state IN ('QUEUED', 'SENT', 'RETRYING')
                      ORDER BY seq FETCH FIRST %d ROWS ONLY) d
                JOIN exchange_envelope e ON e.id = d.envelope_id
                ORDER BY d.seq
                """.formatted(limit)).param("peer", peer).query(DeliveryStore::pending).list();
    }

    /** Deliveries the peer holds for missing parents whose next offer is due, oldest first: out of line. */
    List<Pending> heldDue(String peer, int limit, Instant now) {
        return jdbc.sql("""
                SELECT d.seq, d.envelope_id, d.peer, d.attempts, d.next_attempt_at, d.state, e.body
                FROM (SELECT seq, envelope_id, peer, attempts, next_attempt_at, state FROM exchange_delivery
                      WHERE peer = :peer AND state = 'HELD' AND next_attempt_at <= :now
                      ORDER BY seq FETCH FIRST %d ROWS ONLY) d
                JOIN exchange_envelope e ON e.id = d.envelope_id
                ORDER BY d.seq
                """.formatted(limit)).param("peer", peer).param("now", EnvelopeStore.utc(now))
                .query(DeliveryStore::pending).list();
    }

    /**
     * Marks a batch as handed to its peer, in one statement. A held delivery stays held (out of line) until the peer
     * answers otherwise.
     */
    void markSent(List<Long> seqs, Instant now, Instant retryAt) {
        jdbc.sql("""
                UPDATE exchange_delivery SET state = CASE WHEN state = 'HELD' THEN 'HELD' ELSE 'SENT' END,
                    attempts = attempts + 1, next_attempt_at = :retry, first_sent_at = COALESCE(first_sent_at, :now)
                WHERE seq IN (:seqs)
                """).param("retry", EnvelopeStore.utc(retryAt)).param("now", EnvelopeStore.utc(now)).param("seqs", seqs)
                .update();
    }

    void markRetrying(long seq, Instant retryAt, String error) {
        mark(seq, DeliveryState.RETRYING, retryAt, error);
    }

    /** The peer holds the envelope until it has its parents: offered again at {@code retryAt}, out of line. */
    void markHeld(long seq, Instant retryAt, String detail) {
        mark(seq, DeliveryState.HELD, retryAt, detail);
    }

    private void mark(long seq, DeliveryState state, Instant retryAt, String error) {
        jdbc.sql("UPDATE exchange_delivery SET state = :state, next_attempt_at = :retry, last_error = :error WHERE seq = :seq")
                .param("state", state.name()).param("retry", EnvelopeStore.utc(retryAt)).param("error", clip(error))
                .param("seq", seq).update();
    }

    /** A delivery the peer acknowledged with a receipt. */
    record Acceptance(long seq, String receiptId, String outcome) {
    }

    /** Records receipts, in one batch. */
    void markAccepted(List<Acceptance> acceptances, Instant now) {
        batches.batchUpdate("""
                UPDATE exchange_delivery SET state = 'ACCEPTED', receipt_id = :receipt, receipt_outcome = :outcome,
                    settled_at = :now, last_error = NULL
                WHERE seq = :seq
                """, acceptances.stream().map(a -> new MapSqlParameterSource().addValue("receipt", a.receiptId())
                .addValue("outcome", a.outcome()).addValue("now", EnvelopeStore.utc(now)).addValue("seq", a.seq()))
                .toArray(SqlParameterSource[]::new));
    }

    void markRejected(long seq, String reason, String detail, Instant now) {
        jdbc.sql("""
                UPDATE exchange_delivery SET state = 'REJECTED', rejection_reason = :reason, last_error = :detail,
                    settled_at = :now
                WHERE seq = :seq
                """).param("reason", reason).param("detail", clip(detail)).param("now", EnvelopeStore.utc(now))
                .param("seq", seq).update();
    }

    List<Delivery> forEnvelope(String envelopeId) {
        return jdbc.sql("SELECT * FROM exchange_delivery WHERE envelope_id = :e ORDER BY peer").param("e", envelopeId)
                .query((rs, n) -> new Delivery(rs.getString("peer"), DeliveryState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                        rs.getString("rejection_reason"), rs.getString("receipt_outcome"), instant(rs, "first_sent_at"),
                        instant(rs, "settled_at"))).list();
    }

    /** For each peer, the newest envelope of cases of {@code caseType} it acknowledged with a receipt. */
    List<Receipted> newestReceipted(String caseType) {
        return jdbc.sql("""
                SELECT d.peer, d.settled_at, e.body, e.hash FROM exchange_delivery d
                JOIN exchange_envelope e ON e.id = d.envelope_id
                WHERE e.case_type = :type AND d.state = 'ACCEPTED' AND d.seq = (
                    SELECT MAX(d2.seq) FROM exchange_delivery d2 JOIN exchange_envelope e2 ON e2.id = d2.envelope_id
                    WHERE e2.case_type = :type AND d2.state = 'ACCEPTED' AND d2.peer = d.peer)
                ORDER BY d.peer
                """).param("type", caseType).query((rs, n) -> new Receipted(rs.getString("peer"),
                        org.passerelle.protocol.EnvelopeJson.parseStored(rs.getString("body"), rs.getString("hash").strip()),
                        instant(rs, "settled_at"))).list();
    }

    /** An envelope a peer acknowledged with a receipt, and when. */
    record Receipted(String peer, org.passerelle.protocol.Envelope envelope, Instant settledAt) {
    }

    /** How many deliveries still wait for their answer. */
    long unsettled() {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_delivery WHERE state NOT IN ('ACCEPTED', 'REJECTED')")
                .query(Long.class).single();
    }

    /** Every delivery that has its receipt: the envelope's case, when it was signed, and when the receipt came. */
    List<Exchange.DeliveryTime> acceptedTimes() {
        return jdbc.sql("""
                SELECT e.case_id, e.sent_at, d.settled_at FROM exchange_delivery d
                JOIN exchange_envelope e ON e.id = d.envelope_id WHERE d.state = 'ACCEPTED'
                """).query((rs, n) -> new Exchange.DeliveryTime(rs.getString("case_id"), instant(rs, "sent_at"),
                        instant(rs, "settled_at"))).list();
    }

    /** The attachment hashes of the given envelopes, which travel with them. */
    List<String> attachmentHashes(List<String> envelopeIds) {
        if (envelopeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT sha256 FROM exchange_attachment WHERE envelope_id IN (:ids)")
                .param("ids", envelopeIds).query(String.class).list();
    }

    private static Pending pending(ResultSet rs, int n) throws SQLException {
        return new Pending(rs.getLong("seq"), rs.getString("envelope_id"), rs.getString("peer"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), DeliveryState.HELD.name().equals(rs.getString("state")),
                rs.getString("body"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
