package org.passerelle.server.intel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.security.InvalidInputException;
import org.passerelle.server.security.InvalidInputException.FieldError;
import org.passerelle.server.security.Role;
import org.passerelle.server.security.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Need to know within the analysts' role: who on this node works on a case. Whoever opens a case is on its team.
 * A case that arrived from the other party has no team yet: every analyst sees it, as in a liaison desk's shared
 * in-tray, until one of them takes it or works on it. From then on only its team sees it, and the team adds
 * colleagues. The node itself (the inbox, the demo seeding, outside any user's request) is not checked.
 */
@Component
public class CaseTeams {

    /** Someone on a case's team, and who put them there. */
    public record Member(String username, String addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;
    private final UserService users;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseTeams(JdbcClient jdbc, UserService users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user opening a case is on its team from the start. */
    public void founded(String caseType, String caseKey) {
        if (!AuditTrail.nodeItself()) {
            join(caseType, caseKey);
        }
    }

    /** Whether the current user may see the case (its existence is the caller's business). */
    public boolean visible(String caseType, String caseKey) {
        return visibleIn(usernames(caseType, caseKey));
    }

    private static boolean visibleIn(List<String> team) {
        return AuditTrail.nodeItself() || team.isEmpty() || team.contains(AuditTrail.currentActor());
    }

    /**
     * Whether the current user may see the case; a refusal is audited under {@code action} (a look at a case one
     * may not see is what an audit is there to show) in the caller's transaction, which a refusal does not roll back
     * ({@link CaseTransactional}).
     */
    public boolean allowed(String caseType, String caseKey, String action) {
        if (visible(caseType, caseKey)) {
            return true;
        }
        auditRefusal(caseType, caseKey, action);
        return false;
    }

    private void auditRefusal(String caseType, String caseKey, String action) {
        audit.record(action, caseType, caseKey, AuditOutcome.FAILURE, "not on the case team");
    }

    /**
     * Checks like {@link #allowed} before a step of the case's work, throwing {@code refused} (which should answer
     * as for a case that does not exist); a user working on an unassigned case takes it.
     */
    public void working(String caseType, String caseKey, String action, Supplier<? extends RuntimeException> refused) {
        List<String> team = teamIfVisible(caseType, caseKey, action, refused);
        if (!AuditTrail.nodeItself() && team.isEmpty()) {
            join(caseType, caseKey);
        }
    }

    /**
     * Puts an analyst of this node on the team: a member adds a colleague, or anyone who sees an unassigned case
     * takes it by adding themselves. {@code refused} as for {@link #working}.
     */
    public void add(String caseType, String caseKey, String username, Supplier<? extends RuntimeException> refused) {
        List<String> team = teamIfVisible(caseType, caseKey, "case-team.add", refused);
        String user = AuditTrail.currentActor();
        String colleague = username == null ? "" : username.strip();
        if (team.isEmpty() && !user.equals(colleague) && !AuditTrail.nodeItself()) {
            throw new InvalidInputException(List.of(new FieldError("username", "team.error.takeFirst")));
        }
        if (!users.isActive(colleague, Role.ANALYST)) {
            throw new InvalidInputException(List.of(new FieldError("username", "team.error.colleague")));
        }
        if (!team.contains(colleague)) {
            insert(caseType, caseKey, colleague, user);
            audit.record("case-team.add", caseType, caseKey, AuditOutcome.SUCCESS, colleague);
        }
    }

    /** The case's team, first member first (empty: unassigned). */
    public List<Member> members(String caseType, String caseKey) {
        return jdbc.sql("SELECT username, added_by, added_at FROM intel_case_member WHERE case_type = :type"
                        + " AND case_key = :key ORDER BY added_at, username")
                .param("type", caseType).param("key", caseKey)
                .query((rs, n) -> new Member(rs.getString("username"), rs.getString("added_by"),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant())).list();
    }

    /**
     * An SQL condition keeping the rows whose case the current user may see, {@code keyColumn} naming the case key;
     * the query binds {@link #viewer()} to {@code :viewer} (a binding the condition may leave unused).
     * {@code caseType} is one of the modules' constants, never input.
     */
    public String visibleCondition(String caseType, String keyColumn) {
        if (AuditTrail.nodeItself()) {
            return "1 = 1";
        }
        return "(NOT " + takenCondition(caseType, keyColumn) + " OR EXISTS (" + memberQuery(caseType, keyColumn)
                + " AND m.username = :viewer))";
    }

    /** An SQL condition true for the rows whose case someone on this node has taken, as {@link #visibleCondition}. */
    public String takenCondition(String caseType, String keyColumn) {
        return "EXISTS (" + memberQuery(caseType, keyColumn) + ")";
    }

    private static String memberQuery(String caseType, String keyColumn) {
        return "SELECT 1 FROM intel_case_member m WHERE m.case_type = '" + caseType + "' AND m.case_key = " + keyColumn;
    }

    /** The user {@link #visibleCondition} checks. */
    public String viewer() {
        return AuditTrail.currentActor();
    }

    /** The case's usernames, read once, if the current user may see the case; else {@code refused}, audited. */
    private List<String> teamIfVisible(String caseType, String caseKey, String action,
            Supplier<? extends RuntimeException> refused) {
        List<String> team = usernames(caseType, caseKey);
        if (!visibleIn(team)) {
            auditRefusal(caseType, caseKey, action);
            throw refused.get();
        }
        return team;
    }

    private List<String> usernames(String caseType, String caseKey) {
        return jdbc.sql("SELECT username FROM intel_case_member WHERE case_type = :type AND case_key = :key")
                .param("type", caseType).param("key", caseKey).query(String.class).list();
    }

    /** The current user joins the team on their own. */
    private void join(String caseType, String caseKey) {
        String user = AuditTrail.currentActor();
        insert(caseType, caseKey, user, user);
    }

    /** Adds a member unless already there (a "take" sent twice is one take). */
    private void insert(String caseType, String caseKey, String username, String addedBy) {
        jdbc.sql("""
                MERGE INTO intel_case_member m
                USING (VALUES (:type, :key, :user, :by, :now)) AS s (case_type, case_key, username, added_by, added_at)
                ON m.case_type = s.case_type AND m.case_key = s.case_key AND m.username = s.username
                WHEN NOT MATCHED THEN INSERT (case_type, case_key, username, added_by, added_at)
                VALUES (s.case_type, s.case_key, s.username, s.added_by, s.added_at)
                """).param("type", caseType).param("key", caseKey).param("user", username).param("by", addedBy)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
