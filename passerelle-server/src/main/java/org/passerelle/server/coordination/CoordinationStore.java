package org.passerelle.server.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.server.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordination tables: one row per meeting and one per action item, both rewritten from the meeting's thread each
 * time an envelope of it is stored.
 */
@Repository
class CoordinationStore {

    private final JdbcClient jdbc;

    CoordinationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the meeting's row until the transaction ends, so that updates of one meeting follow each other. A meeting
     * without a row yet is at its first envelope: nothing else of it can be stored before that one commits.
     */
    void lockMeeting(String caseId) {
        jdbc.sql("SELECT case_id FROM coordination_meeting WHERE case_id = :id FOR UPDATE").param("id", caseId)
                .query(String.class).optional();
    }

    private static Map<String, Object> meetingRow(MeetingState state, Instant now) {
        return Map.of("id", state.caseId(), "type", state.meeting().type().name(), "title", state.meeting().title(),
                "date", state.meeting().date(), "place", state.meeting().place(), "calledBy", state.calledBy(),
                "status", state.status().name(), "decisions", state.decisions().size(), "now", utc(now));
    }

    /** Rewrites the rows of a meeting and of its action items (the caller holds the meeting's lock). */
    void save(MeetingState state, Instant now) {
        jdbc.sql("DELETE FROM coordination_action_item WHERE case_id = :id").param("id", state.caseId()).update();
        int updated = jdbc.sql("""
                UPDATE coordination_meeting SET meeting_type = :type, title = :title, meeting_date = :date,
                    place = :place, called_by = :calledBy, status = :status, decisions = :decisions, updated_at = :now
                WHERE case_id = :id""").params(meetingRow(state, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO coordination_meeting (case_id, meeting_type, title, meeting_date, place, called_by,
                        status, decisions, updated_at)
                    VALUES (:id, :type, :title, :date, :place, :calledBy, :status, :decisions, :now)""")
                    .params(meetingRow(state, now)).update();
        }
        for (MeetingState.Decision decision : state.decisions()) {
            if (decision.action() == null) {
                continue;
            }
            String note = decision.progress().isEmpty() ? null : decision.progress().getLast().note();
            jdbc.sql("""
                    INSERT INTO coordination_action_item (decision_id, case_id, meeting_title, meeting_date,
                        decision_text, owner_party, office, due_on, status, last_note, updated_at)
                    VALUES (:id, :caseId, :title, :date, :text, :party, :office, :due, :status, :note, :now)""")
                    .param("id", decision.id()).param("caseId", state.caseId())
                    .param("title", state.meeting().title()).param("date", state.meeting().date())
                    .param("text", decision.text()).param("party", decision.action().ownerParty())
                    .param("office", decision.action().office()).param("due", decision.action().due())
                    .param("status", decision.actionStatus().name()).param("note", note).param("now", utc(now))
                    .update();
        }
    }

    Page<MeetingSummary> meetings(int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM coordination_meeting").query(Long.class).single();
        List<MeetingSummary> rows = jdbc.sql("""
                SELECT * FROM coordination_meeting ORDER BY meeting_date DESC, case_id
                OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""")
                .param("offset", Page.offset(page, size)).param("size", size)
                .query((rs, n) -> meeting(rs)).list();
        return new Page<>(rows, page, size, total);
    }

    /** The meeting of {@code type} held last before {@code date}, if any. */
    Optional<MeetingSummary> previous(MeetingType type, LocalDate date) {
        return jdbc.sql("""
                SELECT * FROM coordination_meeting WHERE meeting_type = :type AND meeting_date < :date
                ORDER BY meeting_date DESC, case_id FETCH FIRST 1 ROWS ONLY""")
                .param("type", type.name()).param("date", date).query((rs, n) -> meeting(rs)).optional();
    }

    /** The next meetings from {@code today}, soonest first. */
    List<MeetingSummary> upcoming(LocalDate today, int limit) {
        return jdbc.sql("""
                SELECT * FROM coordination_meeting WHERE meeting_date >= :today
                ORDER BY meeting_date, case_id FETCH FIRST :limit ROWS ONLY""")
                .param("today", today).param("limit", limit).query((rs, n) -> meeting(rs)).list();
    }

    private static MeetingSummary meeting(ResultSet rs) throws SQLException {
        return new MeetingSummary(rs.getString("case_id"), MeetingType.valueOf(rs.getString("meeting_type")),
                rs.getString("title"), rs.getObject("meeting_date", LocalDate.class), rs.getString("place"),
                rs.getString("called_by"), MeetingState.Status.valueOf(rs.getString("status")), rs.getInt("decisions"));
    }

    /** Action items, soonest due first; only the overdue ones on {@code today} when asked. */
    Page<ActionItem> actionItems(boolean overdueOnly, LocalDate today, int page, int size) {
        String where = overdueOnly ? " WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_on < :today" : "";
        long total = jdbc.sql("SELECT COUNT(*) FROM coordination_action_item" + where).param("today", today)
                .query(Long.class).single();
        List<ActionItem> rows = jdbc.sql("SELECT * FROM coordination_action_item" + where
                        + " ORDER BY CASE WHEN status IN ('OPEN', 'IN_PROGRESS') THEN 0 ELSE 1 END, due_on, decision_id"
                        + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("today", today).param("offset", Page.offset(page, size)).param("size", size)
                .query((rs, n) -> action(rs)).list();
        return new Page<>(rows, page, size, total);
    }

    long overdueCount(LocalDate today) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM coordination_action_item WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_on < :today""")
                .param("today", today).query(Long.class).single();
    }

    /** The items still open (pending) whatever their date, and those past due, for a meeting's pack. */
    List<ActionItem> pendingActionItems() {
        return jdbc.sql("""
                SELECT * FROM coordination_action_item WHERE status IN ('OPEN', 'IN_PROGRESS')
                ORDER BY due_on, decision_id""").query((rs, n) -> action(rs)).list();
    }

    private static ActionItem action(ResultSet rs) throws SQLException {
        return new ActionItem(rs.getString("decision_id"), rs.getString("case_id"), rs.getString("meeting_title"),
                rs.getObject("meeting_date", LocalDate.class), rs.getString("decision_text"),
                rs.getString("owner_party"), rs.getString("office"), rs.getObject("due_on", LocalDate.class),
                ActionStatus.valueOf(rs.getString("status")), rs.getString("last_note"));
    }

    /** The meeting that holds decision {@code decisionId}, if an action item of that id exists. */
    Optional<String> caseOfDecision(String decisionId) {
        return jdbc.sql("SELECT case_id FROM coordination_action_item WHERE decision_id = :id").param("id", decisionId)
                .query(String.class).optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
