package org.passerelle.server.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.ProtocolKinds;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ObjectNode;

/** The envelopes table: each envelope as sent or received, and its state on this node. */
@Repository
class EnvelopeStore {


    /** A stored envelope and its row's facts. */
    record Row(Envelope envelope, boolean incoming, EnvelopeState state, Instant storedAt) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    EnvelopeStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insert(Envelope e, boolean incoming, EnvelopeState state, Instant now) {
        insertAll(List.of(e), incoming, state, now);
    }

    /** Stores envelopes in one batch. */
    void insertAll(List<Envelope> all, boolean incoming, EnvelopeState state, Instant now) {
        batches.batchUpdate("""
                INSERT INTO exchange_envelope (id, hash, case_id, case_type, kind, sender, recipients, sent_at,
                    handling_code, grading, direction, state, body, stored_at)
                VALUES (:id, :hash, :caseId, :caseType, :kind, :sender, :recipients, :sentAt, :code, :grading,
                    :direction, :state, :body, :now)
                """, all.stream().map(e -> new MapSqlParameterSource()
                .addValue("id", e.id()).addValue("hash", e.hash()).addValue("caseId", e.caseRef().id())
                .addValue("caseType", e.caseRef().type()).addValue("kind", e.kind()).addValue("sender", e.from())
                .addValue("recipients", String.join(",", e.to())).addValue("sentAt", utc(e.sentAt()))
                .addValue("code", e.handling().code().name()).addValue("grading", e.handling().grading())
                .addValue("direction", incoming ? "IN" : "OUT").addValue("state", state.name()).addValue("body", e.toJson())
                .addValue("now", utc(now))).toArray(SqlParameterSource[]::new));
    }

    Optional<Row> byId(String id) {
        return jdbc.sql("SELECT * FROM exchange_envelope WHERE id = :id").param("id", id).query(EnvelopeStore::row).optional();
    }

    Optional<Row> byHash(String hash) {
        return jdbc.sql("SELECT * FROM exchange_envelope WHERE hash = :hash").param("hash", hash)
                .query(EnvelopeStore::row).optional();
    }

    /** Every stored envelope of a case, acknowledgements included, in storage order. */
    List<Row> caseRows(String caseId) {
        return jdbc.sql("SELECT * FROM exchange_envelope WHERE case_id = :c AND state <> 'HELD' ORDER BY stored_at, id")
                .param("c", caseId).query(EnvelopeStore::row).list();
    }

    /** The business envelopes of a case (no acknowledgements, nothing held), for its thread. */
    List<Envelope> threadEnvelopes(String caseId) {
        return jdbc.sql("""
                SELECT * FROM exchange_envelope WHERE case_id = :c AND state <> 'HELD' AND kind NOT IN (:acks)
                ORDER BY stored_at, id
                """).param("c", caseId).param("acks", List.of(ProtocolKinds.RECEIPT, ProtocolKinds.REJECTION))
                .query(EnvelopeStore::row).list().stream().map(Row::envelope).toList();
    }

    /**
     * What a receiving node needs to know before storing envelopes in these cases, in one query: the cases'
     * business envelopes (held ones included, no acknowledgements) and any envelope already stored under one of
     * {@code ids}, in storage order.
     */
    List<Row> casesAndIds(Collection<String> caseIds, Collection<String> ids) {
        // Two index lookups: PostgreSQL's generic plan for the same conditions joined by OR scans the table.
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT * FROM exchange_envelope WHERE case_id IN (:cases) AND kind NOT IN (:acks)
                    UNION ALL
                    SELECT * FROM exchange_envelope WHERE id IN (:ids) AND (case_id NOT IN (:cases) OR kind IN (:acks))
                ) known ORDER BY stored_at, id
                """).param("cases", caseIds).param("acks", List.of(ProtocolKinds.RECEIPT, ProtocolKinds.REJECTION))
                .param("ids", ids).query(EnvelopeStore::row).list();
    }

    /** The newest {@code limit} envelopes {@code sender} sent in cases of {@code caseType}, oldest first. */
    List<Envelope> sentBy(String sender, String caseType, int limit) {
        List<Envelope> newest = jdbc.sql("""
                SELECT * FROM exchange_envelope WHERE sender = :sender AND case_type = :type AND state = 'STORED'
                ORDER BY stored_at DESC, id DESC FETCH FIRST %d ROWS ONLY
                """.formatted(limit)).param("sender", sender).param("type", caseType).query(EnvelopeStore::row).list()
                .stream().map(Row::envelope).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(newest);
        return newest;
    }

    List<Row> held() {
        return jdbc.sql("SELECT * FROM exchange_envelope WHERE state = 'HELD' ORDER BY stored_at, id")
                .query(EnvelopeStore::row).list();
    }

    /** Held envelopes whose missing parents are due to be asked for again, with how often they were asked for. */
    List<HeldRow> heldDueForFetch(Instant now) {
        return jdbc.sql("""
                SELECT * FROM exchange_envelope WHERE state = 'HELD' AND (next_fetch_at IS NULL OR next_fetch_at <= :now)
                ORDER BY stored_at, id
                """).param("now", utc(now))
                .query((rs, n) -> new HeldRow(row(rs, n), rs.getInt("fetch_attempts"))).list();
    }

    /** A held envelope and how many times its missing parents were asked for in vain. */
    record HeldRow(Row row, int fetchAttempts) {
    }

    /** Its parents could not all be fetched: asked for again at {@code nextFetchAt}. */
    void fetchFailed(String id, Instant nextFetchAt) {
        jdbc.sql("UPDATE exchange_envelope SET fetch_attempts = fetch_attempts + 1, next_fetch_at = :next WHERE id = :id")
                .param("next", utc(nextFetchAt)).param("id", id).update();
    }

    boolean stored(String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_envelope WHERE hash = :h AND state <> 'HELD'").param("h", hash)
                .query(Long.class).single() > 0;
    }

    void markStored(String id) {
        jdbc.sql("UPDATE exchange_envelope SET state = 'STORED' WHERE id = :id").param("id", id).update();
    }

    /** Drops an envelope's payload, keeping its id, hash, metadata and signature for the record. */
    void purge(Envelope target, Instant now) {
        ObjectNode purged = (ObjectNode) EnvelopeJson.readTree(target.toJson());
        purged.set("payload", EnvelopeJson.object());
        jdbc.sql("UPDATE exchange_envelope SET state = 'PURGED', body = :body, purged_at = :now WHERE id = :id")
                .param("body", EnvelopeJson.write(purged)).param("now", utc(now)).param("id", target.id()).update();
    }

    void insertAttachment(String envelopeId, String sha256, String name, String mediaType, long size) {
        jdbc.sql("""
                INSERT INTO exchange_attachment (envelope_id, sha256, name, media_type, size_bytes)
                VALUES (:e, :sha, :name, :type, :size)
                """).param("e", envelopeId).param("sha", sha256).param("name", name).param("type", mediaType)
                .param("size", size).update();
    }

    /** Whether an envelope of the case still holding its content (not purged, not held) names this attachment. */
    boolean caseHasAttachment(String caseId, String sha256) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM exchange_attachment a JOIN exchange_envelope e ON e.id = a.envelope_id
                WHERE e.case_id = :c AND a.sha256 = :sha AND e.state = 'STORED'
                """).param("c", caseId).param("sha", sha256).query(Long.class).single() > 0;
    }

    /** Whether any envelope still holding its content, in any case, names this attachment. */
    boolean attachmentHeld(String sha256) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM exchange_attachment a JOIN exchange_envelope e ON e.id = a.envelope_id
                WHERE a.sha256 = :sha AND e.state <> 'PURGED'
                """).param("sha", sha256).query(Long.class).single() > 0;
    }

    List<EnvelopeRecord.AttachmentInfo> attachments(String envelopeId) {
        return jdbc.sql("SELECT * FROM exchange_attachment WHERE envelope_id = :e ORDER BY name").param("e", envelopeId)
                .query((rs, n) -> new EnvelopeRecord.AttachmentInfo(rs.getString("sha256"), rs.getString("name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"))).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Envelope parsed = EnvelopeJson.parseStored(rs.getString("body"), rs.getString("hash").strip());
        EnvelopeState state = EnvelopeState.valueOf(rs.getString("state"));
        Envelope envelope = state == EnvelopeState.PURGED
                // The stored bytes no longer hash to the envelope's name: keep the name it had.
                ? new Envelope(parsed.version(), parsed.id(), parsed.caseRef(), parsed.kind(), parsed.from(), parsed.to(),
                        parsed.parents(), parsed.sentAt(), parsed.handling(), parsed.payload(), parsed.attachments(),
                        parsed.canonical(), rs.getString("hash").strip(), parsed.signature())
                : parsed;
        return new Row(envelope, "IN".equals(rs.getString("direction")), state,
                rs.getObject("stored_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
