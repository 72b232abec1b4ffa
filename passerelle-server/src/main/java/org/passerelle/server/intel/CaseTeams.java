package org.passerelle.server.intel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Need to know within the analysts' role: who on this node works on a case. Whoever opens a case is on its team.
 * A case that arrived from the other party has no team yet: every analyst sees it, as in a liaison desk's shared
 * in-tray, until one of them takes it or works on it. From then on only its team sees it, and the team adds
 * colleagues. The node itself (the inbox, a job, the demo seeding) says so with {@link Viewer#node()} and sees every
 * case; nothing is assumed from the absence of a user.
 */
@Component
public class CaseTeams {

    /** Someone on a case's team, and who put them there. */
    public record Member(String username, String addedBy, Instant addedAt) {
    }

    /**
     * An SQL condition on a module's own rows and the values it binds: the case key's column is the module's own
     * expression, every value is a parameter.
     */
    public record Condition(String sql, Map<String, Object> parameters) {
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
    public void founded(Viewer viewer, String caseType, String caseKey) {
        if (!viewer.isNode()) {
            insert(caseType, caseKey, viewer.username(), viewer.username());
        }
    }

    /** Whether the viewer may see the case (its existence is the caller's business). */
    public boolean visible(Viewer viewer, String caseType, String caseKey) {
        return visibleIn(viewer, usernames(caseType, caseKey));
    }

    private static boolean visibleIn(Viewer viewer, List<String> team) {
        return viewer.isNode() || team.isEmpty() || team.contains(viewer.username());
    }

    /**
     * Whether the viewer may see the case; a refusal is audited under {@code action} (a look at a case one may not see
     * is what an audit is there to show) in the caller's transaction, which a refusal does not roll back
     * ({@link CaseTransactional}).
     */
    public boolean allowed(Viewer viewer, String caseType, String caseKey, String action) {
        if (visible(viewer, caseType, caseKey)) {
            return true;
        }
        auditRefusal(viewer, caseType, caseKey, action);
        return false;
    }

    private void auditRefusal(Viewer viewer, String caseType, String caseKey, String action) {
        audit.record(viewer, action, caseType, caseKey, AuditOutcome.FAILURE, "not on the case team");
    }

    /**
     * Checks like {@link #allowed} before a step of the case's work, throwing {@code refused} (which should answer
     * as for a case that does not exist); a user working on an unassigned case takes it.
     */
    public void working(Viewer viewer, String caseType, String caseKey, String action,
            Supplier<? extends RuntimeException> refused) {
        List<String> team = teamIfVisible(viewer, caseType, caseKey, action, refused);
        if (!viewer.isNode() && team.isEmpty()) {
            insert(caseType, caseKey, viewer.username(), viewer.username());
        }
    }

    /**
     * Puts an analyst of this node on the team: a member adds a colleague, or anyone who sees an unassigned case
     * takes it by adding themselves. {@code refused} as for {@link #working}.
     */
    public void add(Viewer viewer, String caseType, String caseKey, String username,
            Supplier<? extends RuntimeException> refused) {
        List<String> team = teamIfVisible(viewer, caseType, caseKey, "case-team.add", refused);
        String colleague = username == null ? "" : username.strip();
        if (team.isEmpty() && !viewer.username().equals(colleague) && !viewer.isNode()) {
            throw new InvalidInputException(List.of(new FieldError("username", "team.error.takeFirst")));
        }
        if (!users.isActive(colleague, Role.ANALYST)) {
            throw new InvalidInputException(List.of(new FieldError("username", "team.error.colleague")));
        }
        if (!team.contains(colleague)) {
            insert(caseType, caseKey, colleague, viewer.username());
            audit.record(viewer, "case-team.add", caseType, caseKey, AuditOutcome.SUCCESS, colleague);
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
     * The condition keeping the rows whose case {@code viewer} may see, {@code keyColumn} being the expression of the
     * row's case key in the module's query (its own code, never input).
     */
    public Condition visibleCondition(Viewer viewer, String caseType, String keyColumn) {
        if (viewer.isNode()) {
            return new Condition("1 = 1", Map.of());
        }
        return new Condition("(NOT " + taken(keyColumn) + " OR EXISTS (" + memberQuery(keyColumn)
                + " AND m.username = :teamViewer))", Map.of("teamCaseType", caseType, "teamViewer", viewer.username()));
    }

    /** The condition true for the rows whose case someone on this node has taken, as {@link #visibleCondition}. */
    public Condition takenCondition(String caseType, String keyColumn) {
        return new Condition(taken(keyColumn), Map.of("teamCaseType", caseType));
    }

    private static String taken(String keyColumn) {
        return "EXISTS (" + memberQuery(keyColumn) + ")";
    }

    private static String memberQuery(String keyColumn) {
        return "SELECT 1 FROM intel_case_member m WHERE m.case_type = :teamCaseType AND m.case_key = " + keyColumn;
    }

    /** The case's usernames, read once, if the viewer may see the case; else {@code refused}, audited. */
    private List<String> teamIfVisible(Viewer viewer, String caseType, String caseKey, String action,
            Supplier<? extends RuntimeException> refused) {
        List<String> team = usernames(caseType, caseKey);
        if (!visibleIn(viewer, team)) {
            auditRefusal(viewer, caseType, caseKey, action);
            throw refused.get();
        }
        return team;
    }

    private List<String> usernames(String caseType, String caseKey) {
        return jdbc.sql("SELECT username FROM intel_case_member WHERE case_type = :type AND case_key = :key")
                .param("type", caseType).param("key", caseKey).query(String.class).list();
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
