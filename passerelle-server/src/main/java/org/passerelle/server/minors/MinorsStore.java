package org.passerelle.server.minors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.passerelle.server.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The minors' table: one row per case, rewritten from its thread each time an envelope of it is stored. */
@Repository
class MinorsStore {

    private final JdbcClient jdbc;

    MinorsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the case's row until the transaction ends (none at its first envelope): its updates follow each other. */
    void lock(String caseId) {
        jdbc.sql("SELECT case_id FROM minors_case WHERE case_id = :id FOR UPDATE").param("id", caseId)
                .query(String.class).optional();
    }

    /** Writes the case's row, updated in place so that an update waiting on its lock still finds it. */
    void save(MinorState state, Instant now) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", state.caseId());
        row.put("reference", state.reference());
        row.put("requester", state.requester());
        row.put("responder", state.responder());
        row.put("name", state.displayName());
        row.put("birth", state.record().person().birthDate());
        row.put("status", state.status().name());
        row.put("identified", state.identification() != null && "identified".equals(state.identification().outcome()));
        row.put("decision", state.decision().orElse(null));
        row.put("centre", state.careArrangement() == null ? null : state.careArrangement().centre());
        row.put("returned", state.returnedOn());
        row.put("visits", MinorsStatistics.visitsOnTime(state));
        row.put("traced", state.familyTraced() != null);
        row.put("opened", utc(state.openedAt()));
        row.put("now", utc(now));
        int updated = jdbc.sql("""
                UPDATE minors_case SET reference = :reference, requester = :requester, responder = :responder,
                    display_name = :name, birth_date = CAST(:birth AS VARCHAR(10)), status = :status,
                    identified = :identified, decision = CAST(:decision AS VARCHAR(40)),
                    centre = CAST(:centre AS VARCHAR(40)), returned_on = CAST(:returned AS DATE),
                    visits_on_time = :visits, traced = :traced, opened_at = :opened,
                    updated_at = :now
                WHERE case_id = :id""").params(row).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO minors_case (case_id, reference, requester, responder, display_name, birth_date, status,
                        identified, decision, centre, returned_on, visits_on_time, traced, opened_at, updated_at)
                    VALUES (:id, :reference, :requester, :responder, :name, CAST(:birth AS VARCHAR(10)), :status,
                        :identified, CAST(:decision AS VARCHAR(40)), CAST(:centre AS VARCHAR(40)),
                        CAST(:returned AS DATE), :visits, :traced, :opened, :now)""").params(row).update();
        }
    }

    void delete(String caseId) {
        jdbc.sql("DELETE FROM minors_case WHERE case_id = :id").param("id", caseId).update();
    }

    /** Every case held here, by id: what the retention purge looks through. */
    List<String> caseIds() {
        return jdbc.sql("SELECT case_id FROM minors_case ORDER BY case_id").query(String.class).list();
    }

    /**
     * Remembers a purge (nothing personal: the reference, the rule, the day) for the data-protection officer, once:
     * both parties' rules may end the same case.
     */
    void recordPurge(String caseId, String reference, String rule, java.time.LocalDate dueOn, String noticeId,
            Instant at) {
        jdbc.sql("""
                INSERT INTO minors_purge (case_id, reference, rule, due_on, notice_id, purged_at)
                SELECT :id, :reference, :rule, CAST(:due AS DATE), :notice, CAST(:at AS TIMESTAMP WITH TIME ZONE)
                FROM (VALUES (1)) AS one (n)
                WHERE NOT EXISTS (SELECT 1 FROM minors_purge WHERE case_id = :id)""").param("id", caseId)
                .param("reference", reference).param("rule", rule).param("due", dueOn).param("notice", noticeId)
                .param("at", utc(at)).update();
    }

    /** A purge as the data-protection officer's list shows it. */
    record PurgeRow(String caseId, String reference, String rule, LocalDate dueOn, String noticeId, Instant purgedAt) {
    }

    List<PurgeRow> purges() {
        return jdbc.sql("SELECT * FROM minors_purge ORDER BY purged_at DESC, case_id").query((rs, n) -> new PurgeRow(
                rs.getString("case_id"), rs.getString("reference"), rs.getString("rule"),
                rs.getObject("due_on", LocalDate.class), rs.getString("notice_id"),
                rs.getObject("purged_at", OffsetDateTime.class).toInstant())).list();
    }

    Page<MinorSummary> list(String query, int page, int size) {
        String where = query == null || query.isBlank() ? ""
                : " WHERE LOWER(display_name) LIKE :q OR LOWER(reference) LIKE :q";
        String like = query == null ? "" : "%" + query.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        long total = jdbc.sql("SELECT COUNT(*) FROM minors_case" + where).param("q", like).query(Long.class).single();
        List<MinorSummary> rows = jdbc.sql("SELECT * FROM minors_case" + where
                        + " ORDER BY opened_at DESC, case_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("q", like).param("offset", Page.offset(page, size)).param("size", size)
                .query((rs, n) -> summary(rs)).list();
        return new Page<>(rows, page, size, total);
    }

    /** Every case opened from {@code from} (included) to {@code to} (excluded), for the figures. */
    List<MinorSummary> openedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM minors_case WHERE opened_at >= :from AND opened_at < :to ORDER BY case_id")
                .param("from", utc(from)).param("to", utc(to)).query((rs, n) -> summary(rs)).list();
    }

    /** How many cases hold a place in each centre (reserved, or the child returned there). */
    Map<String, Long> placesTaken() {
        Map<String, Long> taken = new java.util.TreeMap<>();
        jdbc.sql("SELECT centre, COUNT(*) AS n FROM minors_case WHERE centre IS NOT NULL GROUP BY centre")
                .query((ResultSet rs) -> {
                    taken.put(rs.getString("centre"), rs.getLong("n"));
                });
        return taken;
    }

    private static MinorSummary summary(ResultSet rs) throws SQLException {
        return new MinorSummary(rs.getString("case_id"), rs.getString("reference"), rs.getString("display_name"),
                rs.getString("birth_date"), MinorStatus.valueOf(rs.getString("status")), rs.getBoolean("identified"),
                rs.getString("decision"), rs.getString("centre"), rs.getObject("returned_on", LocalDate.class),
                rs.getInt("visits_on_time"), rs.getBoolean("traced"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
