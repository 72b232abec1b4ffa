package org.passerelle.server.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.server.shared.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The information requests' view table ({@code intel_information_request}): one row per request, recomputed from its
 * thread whenever an envelope of it is stored, so that lists and counts need not read threads.
 */
@Repository
class InformationRequestStore {

    /** The case key of a row of the table, for the teams' conditions. */
    static final String CASE_KEY = "r.case_id";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    InformationRequestStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Writes the rows of these requests' states, in one batch. */
    void save(List<InformationRequestState> states, Instant now) {
        batches.batchUpdate("""
                MERGE INTO intel_information_request r
                USING (VALUES (:id, :ref, :requester, :responder, :subject, :urgency, :status, :code, :opened, :due, :now))
                    AS s (case_id, reference, requester, responder, subject, urgency, status, handling_code, opened_at,
                          due_at, updated_at)
                ON r.case_id = s.case_id
                WHEN MATCHED THEN UPDATE SET reference = s.reference, requester = s.requester, responder = s.responder,
                    subject = s.subject, urgency = s.urgency, status = s.status, handling_code = s.handling_code,
                    opened_at = s.opened_at, due_at = s.due_at, updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT (case_id, reference, requester, responder, subject, urgency, status,
                    handling_code, opened_at, due_at, updated_at)
                VALUES (s.case_id, s.reference, s.requester, s.responder, s.subject, s.urgency, s.status,
                    s.handling_code, s.opened_at, s.due_at, s.updated_at)
                """, states.stream().map(state -> new MapSqlParameterSource().addValue("id", state.caseId())
                .addValue("ref", state.reference()).addValue("requester", state.requester())
                .addValue("responder", state.responder()).addValue("subject", state.subject())
                .addValue("urgency", state.urgency().name()).addValue("status", state.status().name())
                .addValue("code", state.handling().code().name()).addValue("opened", utc(state.openedAt()))
                .addValue("due", utc(state.dueAt())).addValue("now", utc(now))).toArray(SqlParameterSource[]::new));
    }

    /** The requests opened from {@code from} (included) to {@code to} (excluded), by id: the shared figures' cohort. */
    List<String> openedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT case_id FROM intel_information_request WHERE opened_at >= :from AND opened_at < :to
                ORDER BY case_id""").param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .query(String.class).list();
    }

    boolean exists(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_information_request WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() > 0;
    }

    /**
     * A page of the requests {@code visible} keeps, newest first ({@code overdueOnly}: those past their due time,
     * soonest due first), each saying whether {@code taken}.
     */
    Page<InformationRequestSummary> page(CaseTeams.Condition visible, CaseTeams.Condition taken, boolean overdueOnly,
            Instant now, int number, int size) {
        String where = " FROM intel_information_request r WHERE " + visible.sql()
                + (overdueOnly ? " AND r.status = 'AWAITING_ANSWER' AND r.due_at < :now" : "");
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        parameters.putAll(taken.parameters());
        parameters.put("now", utc(now));
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(parameters).query(Long.class).single();
        List<InformationRequestSummary> rows = jdbc.sql("SELECT r.*, CASE WHEN " + taken.sql()
                        + " THEN 1 ELSE 0 END AS taken" + where
                        + (overdueOnly ? " ORDER BY r.due_at, r.case_id" : " ORDER BY r.opened_at DESC, r.case_id")
                        + " OFFSET " + Page.offset(number, size) + " ROWS FETCH NEXT " + size + " ROWS ONLY")
                .params(parameters).query((rs, n) -> summary(rs, now)).list();
        return new Page<>(rows, number, size, total);
    }

    /** What waits among the requests {@code visible} keeps, for party {@code self}. */
    InformationRequests.Workload workload(CaseTeams.Condition visible, CaseTeams.Condition taken, String self,
            Instant now) {
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        parameters.putAll(taken.parameters());
        parameters.put("self", self);
        parameters.put("now", utc(now));
        return jdbc.sql("SELECT SUM(CASE WHEN (status = 'AWAITING_ANSWER' AND responder = :self)"
                        + " OR (status = 'QUESTION_ASKED' AND requester = :self) THEN 1 ELSE 0 END) AS our_reply,"
                        + " SUM(CASE WHEN status = 'AWAITING_ANSWER' AND due_at < :now THEN 1 ELSE 0 END) AS overdue,"
                        + " SUM(CASE WHEN " + taken.sql() + " THEN 0 ELSE 1 END) AS not_taken"
                        + " FROM intel_information_request r WHERE " + visible.sql())
                .params(parameters)
                .query((rs, n) -> new InformationRequests.Workload(rs.getLong("our_reply"), rs.getLong("overdue"),
                        rs.getLong("not_taken")))
                .single();
    }

    private static InformationRequestSummary summary(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        return new InformationRequestSummary(rs.getString("case_id"), rs.getString("reference"),
                rs.getString("requester"), rs.getString("responder"), rs.getString("subject"),
                Urgency.valueOf(rs.getString("urgency")), status, rs.getString("handling_code"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), due,
                status == RequestStatus.AWAITING_ANSWER && now.isAfter(due), rs.getInt("taken") == 1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
