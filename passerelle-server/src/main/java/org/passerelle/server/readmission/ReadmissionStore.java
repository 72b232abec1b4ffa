package org.passerelle.server.readmission;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.passerelle.server.shared.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The readmission tables: the cases' view ({@code readmission_request}, one row per case recomputed from its thread),
 * France's asylum records and Morocco's registry candidates, which stay on their node.
 */
@Repository
class ReadmissionStore {

    /** Statuses in which Morocco has still to identify the person or issue the laissez-passer. */
    private static final String BEFORE_LAISSEZ_PASSER = "('SUBMITTED', 'INFORMATION_NEEDED', 'INTERVIEW', 'IDENTIFIED')";
    /** Statuses in which the consulate's decision is due (a question to France stops its clock). */
    private static final String DECISION_DUE = "('SUBMITTED', 'INTERVIEW')";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    ReadmissionStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Writes the rows of these cases' states, in one batch. */
    void save(List<ReadmissionState> states, Instant now) {
        batches.batchUpdate("""
                MERGE INTO readmission_request r
                USING (VALUES (:id, :reference, :requester, :responder, CAST(:prefecture AS VARCHAR(8)),
                        CAST(:consulate AS VARCHAR(40)), CAST(:name AS VARCHAR(120)), CAST(:birth AS VARCHAR(10)),
                        :status, CAST(:waiting AS VARCHAR(2)), :opened, :due, CAST(:dueOn AS DATE),
                        CAST(:firstReply AS TIMESTAMP WITH TIME ZONE), CAST(:answered AS TIMESTAMP WITH TIME ZONE),
                        CAST(:answer AS VARCHAR(32)), CAST(:detentionStart AS DATE), CAST(:detentionEnd AS DATE),
                        CAST(:firstLpcAt AS TIMESTAMP WITH TIME ZONE), CAST(:firstLpcOn AS DATE),
                        CAST(:lpcNumber AS VARCHAR(40)), CAST(:lpcValidUntil AS DATE), :lpcRevoked,
                        CAST(:flight AS DATE), CAST(:outcome AS DATE), CAST(:failure AS VARCHAR(40)),
                        CAST(:closed AS TIMESTAMP WITH TIME ZONE), :now))
                    AS s (case_id, reference, requester, responder, prefecture, consulate, display_name, birth_date,
                        status, waiting_on, opened_at, due_at, due_on, first_reply_at, answered_at, answer,
                        detention_start, detention_end, first_lpc_at, first_lpc_on, lpc_number, lpc_valid_until,
                        lpc_revoked, flight_date, outcome_date, failure_reason, closed_at, updated_at)
                ON r.case_id = s.case_id
                WHEN MATCHED THEN UPDATE SET reference = s.reference, requester = s.requester,
                    responder = s.responder, prefecture = s.prefecture, consulate = s.consulate,
                    display_name = s.display_name, birth_date = s.birth_date, status = s.status,
                    waiting_on = s.waiting_on, opened_at = s.opened_at, due_at = s.due_at, due_on = s.due_on,
                    first_reply_at = s.first_reply_at, answered_at = s.answered_at, answer = s.answer,
                    detention_start = s.detention_start, detention_end = s.detention_end,
                    first_lpc_at = s.first_lpc_at, first_lpc_on = s.first_lpc_on, lpc_number = s.lpc_number,
                    lpc_valid_until = s.lpc_valid_until, lpc_revoked = s.lpc_revoked, flight_date = s.flight_date,
                    outcome_date = s.outcome_date, failure_reason = s.failure_reason, closed_at = s.closed_at,
                    updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT (case_id, reference, requester, responder, prefecture, consulate,
                    display_name, birth_date, status, waiting_on, opened_at, due_at, due_on, first_reply_at,
                    answered_at, answer, detention_start, detention_end, first_lpc_at, first_lpc_on, lpc_number,
                    lpc_valid_until, lpc_revoked, flight_date, outcome_date, failure_reason, closed_at, updated_at)
                VALUES (s.case_id, s.reference, s.requester, s.responder, s.prefecture, s.consulate, s.display_name,
                    s.birth_date, s.status, s.waiting_on, s.opened_at, s.due_at, s.due_on, s.first_reply_at,
                    s.answered_at, s.answer, s.detention_start, s.detention_end, s.first_lpc_at, s.first_lpc_on,
                    s.lpc_number, s.lpc_valid_until, s.lpc_revoked, s.flight_date, s.outcome_date, s.failure_reason,
                    s.closed_at, s.updated_at)
                """, states.stream().map(state -> row(state, now)).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource row(ReadmissionState state, Instant now) {
        ReadmissionKinds.RequestPayload request = state.request();
        ReadmissionStatistics.Case counted = ReadmissionStatistics.Case.of(state);
        Optional<ReadmissionState.LaissezPasser> current = state.laissezPasser();
        return new MapSqlParameterSource().addValue("id", state.caseId()).addValue("reference", state.reference())
                .addValue("requester", state.requester()).addValue("responder", state.responder())
                .addValue("prefecture", counted.prefecture()).addValue("consulate", counted.consulate())
                .addValue("name", request == null ? null : truncate(state.displayName(), 120))
                .addValue("birth", request == null ? null : request.person().birthDate())
                .addValue("status", state.status().name())
                .addValue("waiting", state.waitingOn().orElse(null))
                .addValue("opened", utc(counted.openedAt())).addValue("due", utc(counted.dueAt()))
                .addValue("dueOn", ReadmissionState.day(state.dueAt()))
                .addValue("firstReply", utc(state.firstReplyAt())).addValue("answered", utc(counted.answeredAt()))
                .addValue("answer", counted.answer() == null ? null : counted.answer().name())
                .addValue("detentionStart", request == null ? null : request.detentionStart())
                .addValue("detentionEnd", counted.detentionEnd())
                .addValue("firstLpcAt", utc(counted.firstLaissezPasserAt()))
                .addValue("firstLpcOn", counted.firstLaissezPasserOn())
                .addValue("lpcNumber", current.map(ReadmissionState.LaissezPasser::number).orElse(null))
                .addValue("lpcValidUntil", current.map(ReadmissionState.LaissezPasser::validUntil).orElse(null))
                .addValue("lpcRevoked", current.map(ReadmissionState.LaissezPasser::revoked).orElse(false))
                .addValue("flight", state.flightDate()).addValue("outcome", counted.outcomeDate())
                .addValue("failure", counted.failureReason() == null ? null : counted.failureReason().name())
                .addValue("closed", utc(state.closedAt())).addValue("now", utc(now));
    }

    boolean exists(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM readmission_request WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() > 0;
    }

    /** Where the case is filed and handled, to check a viewer's office against. */
    Optional<Offices> offices(String caseId) {
        return jdbc.sql("SELECT prefecture, consulate FROM readmission_request WHERE case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new Offices(rs.getString("prefecture"), rs.getString("consulate"))).optional();
    }

    record Offices(String prefecture, String consulate) {
    }

    /**
     * Which cases a list shows: those of one prefecture or one consulate (null: all), a status, a flag, a search on the
     * reference or the name.
     */
    record Filter(String prefecture, String consulate, ReadmissionStatus status, Flag flag, String query) {
    }

    /** The lists officers work from. */
    enum Flag { OVERDUE, AT_RISK, WAITING_ON_US }

    Page<ReadmissionSummary> page(Filter filter, String self, Instant now, LocalDate riskDay, int number, int size) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" FROM readmission_request r WHERE 1 = 1");
        if (filter.prefecture() != null) {
            where.append(" AND r.prefecture = :prefecture");
            parameters.put("prefecture", filter.prefecture());
        }
        if (filter.consulate() != null) {
            where.append(" AND r.consulate = :consulate");
            parameters.put("consulate", filter.consulate());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            where.append(" AND (r.reference = :reference OR LOWER(r.display_name) LIKE :name)");
            parameters.put("reference", filter.query().strip().toUpperCase(Locale.ROOT));
            parameters.put("name", "%" + filter.query().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        String order = " ORDER BY r.opened_at DESC, r.case_id";
        if (filter.flag() == Flag.OVERDUE) {
            where.append(" AND r.status IN " + DECISION_DUE + " AND r.due_at < :now");
            order = " ORDER BY r.due_at, r.case_id";
        } else if (filter.flag() == Flag.AT_RISK) {
            where.append(" AND r.status IN " + BEFORE_LAISSEZ_PASSER
                    + " AND (r.due_on > r.detention_end OR r.detention_end <= :riskDay)");
            order = " ORDER BY r.detention_end, r.case_id";
        } else if (filter.flag() == Flag.WAITING_ON_US) {
            where.append(" AND r.waiting_on = :self");
        }
        parameters.put("now", utc(now));
        parameters.put("riskDay", riskDay);
        parameters.put("self", self);
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(parameters).query(Long.class).single();
        List<ReadmissionSummary> rows = jdbc.sql("SELECT r.*" + where + order + " OFFSET "
                        + Page.offset(number, size) + " ROWS FETCH NEXT " + size + " ROWS ONLY")
                .params(parameters).query((rs, n) -> summary(rs, now, riskDay)).list();
        return new Page<>(rows, number, size, total);
    }

    Optional<ReadmissionSummary> summary(String caseId, Instant now, LocalDate riskDay) {
        return jdbc.sql("SELECT r.* FROM readmission_request r WHERE case_id = :id").param("id", caseId)
                .query((rs, n) -> summary(rs, now, riskDay)).optional();
    }

    /** What waits in one office's cases (or all): counts only. */
    record Workload(long waitingOnUs, long overdue, long atRisk) {
    }

    /**
     * Three counts, each a look-up on its own index rather than one pass over every case: the home page and every list
     * page ask for them.
     */
    Workload workload(String prefecture, String consulate, String self, Instant now, LocalDate riskDay) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("self", self);
        parameters.put("now", utc(now));
        parameters.put("riskDay", riskDay);
        String office = "";
        if (prefecture != null) {
            office += " AND prefecture = :prefecture";
            parameters.put("prefecture", prefecture);
        }
        if (consulate != null) {
            office += " AND consulate = :consulate";
            parameters.put("consulate", consulate);
        }
        return new Workload(
                count("waiting_on = :self" + office, parameters),
                count("status IN " + DECISION_DUE + " AND due_at < :now" + office, parameters),
                count("status IN " + BEFORE_LAISSEZ_PASSER + " AND (due_on > detention_end OR detention_end <= :riskDay)"
                        + office, parameters));
    }

    private long count(String where, Map<String, Object> parameters) {
        return jdbc.sql("SELECT COUNT(*) FROM readmission_request WHERE " + where).params(parameters)
                .query(Long.class).single();
    }

    /** The cases filed from {@code from} (inclusive) to {@code to} (exclusive), as the statistics read them. */
    List<ReadmissionStatistics.Case> statisticsCases(Instant from, Instant to) {
        List<ReadmissionStatistics.Case> cases = new ArrayList<>();
        jdbc.sql("""
                SELECT prefecture, consulate, status, opened_at, due_at, answered_at, answer, detention_end,
                       first_lpc_at, first_lpc_on, outcome_date, failure_reason
                FROM readmission_request WHERE opened_at >= :from AND opened_at < :to
                """).param("from", utc(from)).param("to", utc(to)).query(rs -> {
                    cases.add(new ReadmissionStatistics.Case(rs.getString("prefecture"), rs.getString("consulate"),
                            ReadmissionStatus.valueOf(rs.getString("status")), instant(rs, "opened_at"),
                            instant(rs, "due_at"), instant(rs, "answered_at"),
                            rs.getString("answer") == null ? null : ReadmissionStatus.valueOf(rs.getString("answer")),
                            localDate(rs, "detention_end"), instant(rs, "first_lpc_at"), localDate(rs, "first_lpc_on"),
                            localDate(rs, "outcome_date"), rs.getString("failure_reason") == null ? null
                                    : RemovalFailure.valueOf(rs.getString("failure_reason"))));
                });
        return cases;
    }

    /** The case that holds the laissez-passer numbered so, if this node knows it. */
    Optional<String> caseOfLaissezPasser(String number) {
        return jdbc.sql("SELECT case_id FROM readmission_request WHERE lpc_number = :number")
                .param("number", number).query(String.class).optional();
    }

    // France's asylum records

    void saveAsylum(String caseId, Asylum status, LocalDate decidedOn, Instant now, String by) {
        jdbc.sql("""
                MERGE INTO readmission_asylum a
                USING (VALUES (:id, :status, CAST(:decided AS DATE), :now, :by)) AS s (case_id, status, decided_on, recorded_at, recorded_by)
                ON a.case_id = s.case_id
                WHEN MATCHED THEN UPDATE SET status = s.status, decided_on = s.decided_on, recorded_at = s.recorded_at,
                    recorded_by = s.recorded_by
                WHEN NOT MATCHED THEN INSERT (case_id, status, decided_on, recorded_at, recorded_by)
                VALUES (s.case_id, s.status, s.decided_on, s.recorded_at, s.recorded_by)
                """).param("id", caseId).param("status", status.name()).param("decided", decidedOn)
                .param("now", utc(now)).param("by", by).update();
    }

    Optional<AsylumRecord> asylum(String caseId) {
        return jdbc.sql("SELECT * FROM readmission_asylum WHERE case_id = :id").param("id", caseId)
                .query((rs, n) -> new AsylumRecord(Asylum.valueOf(rs.getString("status")), localDate(rs, "decided_on"),
                        instant(rs, "recorded_at"), rs.getString("recorded_by"))).optional();
    }

    // Morocco's registry candidates

    record StoredCandidates(String modelHash, Instant computedAt, String json) {
    }

    void saveCandidates(String caseId, String modelHash, Instant now, String json) {
        jdbc.sql("""
                MERGE INTO readmission_candidates c
                USING (VALUES (:id, :hash, :now, :json)) AS s (case_id, model_hash, computed_at, candidates)
                ON c.case_id = s.case_id
                WHEN MATCHED THEN UPDATE SET model_hash = s.model_hash, computed_at = s.computed_at,
                    candidates = s.candidates
                WHEN NOT MATCHED THEN INSERT (case_id, model_hash, computed_at, candidates)
                VALUES (s.case_id, s.model_hash, s.computed_at, s.candidates)
                """).param("id", caseId).param("hash", modelHash).param("now", utc(now)).param("json", json).update();
    }

    Optional<StoredCandidates> candidates(String caseId) {
        return jdbc.sql("SELECT * FROM readmission_candidates WHERE case_id = :id").param("id", caseId)
                .query((rs, n) -> new StoredCandidates(rs.getString("model_hash"), instant(rs, "computed_at"),
                        rs.getString("candidates"))).optional();
    }

    /** Requests received that have no candidates yet, or candidates scored by another model, oldest first. */
    List<String> casesToScore(String responder, String modelHash, int limit) {
        return jdbc.sql("""
                SELECT r.case_id FROM readmission_request r LEFT JOIN readmission_candidates c ON c.case_id = r.case_id
                WHERE r.responder = :self AND r.status IN ('SUBMITTED', 'INFORMATION_NEEDED', 'INTERVIEW')
                  AND (c.case_id IS NULL OR c.model_hash <> :hash)
                ORDER BY r.opened_at""" + " FETCH FIRST " + limit + " ROWS ONLY")
                .param("self", responder).param("hash", modelHash).query(String.class).list();
    }

    private static ReadmissionSummary summary(ResultSet rs, Instant now, LocalDate riskDay) throws SQLException {
        ReadmissionStatus status = ReadmissionStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "due_at");
        LocalDate detentionEnd = localDate(rs, "detention_end");
        LocalDate dueOn = localDate(rs, "due_on");
        boolean beforeLaissezPasser = status.awaitingIdentification() || status == ReadmissionStatus.IDENTIFIED;
        boolean atRisk = beforeLaissezPasser && detentionEnd != null
                && (dueOn.isAfter(detentionEnd) || !detentionEnd.isAfter(riskDay));
        return new ReadmissionSummary(rs.getString("case_id"), rs.getString("reference"), rs.getString("prefecture"),
                rs.getString("consulate"), rs.getString("display_name"), rs.getString("birth_date"), status,
                instant(rs, "opened_at"), due, detentionEnd, rs.getString("lpc_number"),
                localDate(rs, "lpc_valid_until"), localDate(rs, "flight_date"),
                (status == ReadmissionStatus.SUBMITTED || status == ReadmissionStatus.INTERVIEW) && now.isAfter(due),
                atRisk, rs.getString("waiting_on"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
