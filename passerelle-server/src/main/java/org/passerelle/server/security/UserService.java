package org.passerelle.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, reads and changes local user accounts; every read and change is audited. */
@Service
public class UserService {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);

    private static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{2,63}";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecretSealer sealer;
    private final Duration generatedPasswordLifetime;

    public UserService(JdbcClient jdbc, PasswordEncoder passwordEncoder, PartyDirectory parties, AuditTrail audit,
            Clock clock, TransactionTemplate transactions, SecretSealer sealer,
            @Value("${passerelle.security.generated-password-lifetime:3d}") Duration generatedPasswordLifetime) {
        this.transactions = transactions;
        this.sealer = sealer;
        this.generatedPasswordLifetime = generatedPasswordLifetime;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A created account and the initial password to hand over, shown once and never stored in clear (null for an
     * auditor account awaiting approval: its password is generated for the approving administrator).
     */
    public record Created(UserAccount account, String initialPassword) {
    }

    /** Checks a new user without creating it, so a form can show every error before its confirmation page. */
    public void validate(NewUser user) {
        String party = parties.self().code();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (user.username() == null || !user.username().matches(USERNAME_PATTERN)) {
            errors.add(new InvalidInputException.FieldError("username", "user.error.username"));
        } else if (exists(user.username()) || AuditTrail.NODE_ITSELF.equals(user.username())
                || AuditTrail.ANONYMOUS.equals(user.username())) {
            // The audit log's names for the node and for callers not signed in are taken for good.
            errors.add(new InvalidInputException.FieldError("username", "user.error.usernameTaken"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 200) {
            errors.add(new InvalidInputException.FieldError("displayName", "user.error.displayName"));
        }
        Optional<Role> role = Role.parse(user.role());
        if (role.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("role", "user.error.role"));
        } else if (!role.get().allowedFor(party)) {
            errors.add(new InvalidInputException.FieldError("role", "user.error.roleNotForParty"));
        }
        if (user.office() != null && user.office().length() > 120) {
            errors.add(new InvalidInputException.FieldError("office", "user.error.office"));
        }
        if (user.password() != null && needsApproval(role.orElse(null))) {
            errors.add(new InvalidInputException.FieldError("password", "user.error.auditorPassword"));
        } else if (user.password() != null) {
            PasswordPolicy.violation(user.username(), user.password())
                    .ifPresent(key -> errors.add(new InvalidInputException.FieldError("password", key)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Opens an account. An auditor account opened by an administrator (rather than by the operator on the server's
     * command line) stays disabled, without a usable password, until a second administrator approves it
     * ({@link #approve}): no administrator alone can give themselves the audit log.
     */
    @Transactional
    public Created create(NewUser user) {
        validate(user);
        Role role = Role.parse(user.role()).orElseThrow();
        boolean approval = needsApproval(role);
        String password = user.password() != null ? user.password() : OneTimeSecrets.password();
        jdbc.sql("""
                INSERT INTO users (username, display_name, role, party, office, password_hash, created_at,
                                   password_change_required, generated_password_expires_at, enabled,
                                   approval_requested_by)
                VALUES (:username, :displayName, :role, :party, :office, :hash, :now, :generated, :expires, :enabled,
                        :requestedBy)
                """)
                .param("username", user.username()).param("displayName", user.displayName().strip())
                .param("role", role.name()).param("party", parties.self().code())
                .param("office", blankToNull(user.office())).param("hash", passwordEncoder.encode(password))
                .param("now", now()).param("generated", user.password() == null)
                .param("expires", user.password() == null ? generatedPasswordExpiry() : null)
                .param("enabled", !approval).param("requestedBy", approval ? AuditTrail.currentActor() : null).update();
        audit.record("user.create", "user", user.username(), AuditOutcome.SUCCESS, approval
                ? "auditor account awaiting a second administrator's approval"
                : AuditTrail.nodeItself() ? "by the node's operator (command line)" : null);
        return new Created(load(user.username()).orElseThrow(),
                user.password() == null && !approval ? password : null);
    }

    /**
     * A second administrator approves an auditor account another opened: it is enabled with a generated password,
     * returned for the approver to hand over (and replaced by its owner at the first sign-in). A refusal is checked
     * before anything is written, and commits so that its audit entry stays.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public String approve(String username) {
        UserAccount account = load(username).filter(UserAccount::awaitingApproval).orElseThrow(() ->
                new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.notAwaitingApproval"))));
        String approver = AuditTrail.currentActor();
        if (account.approvalRequestedBy().equals(approver)) {
            audit.record("user.approve", "user", username, AuditOutcome.DENIED, "requested by the same administrator");
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.approveOwn")));
        }
        String password = OneTimeSecrets.password();
        jdbc.sql("""
                UPDATE users SET enabled = TRUE, approval_requested_by = NULL, approved_by = :approver,
                                 password_hash = :hash, password_change_required = TRUE,
                                 generated_password_expires_at = :expires
                WHERE username = :u
                """).param("approver", approver).param("hash", passwordEncoder.encode(password))
                .param("expires", generatedPasswordExpiry()).param("u", username).update();
        audit.record("user.approve", "user", username, AuditOutcome.SUCCESS,
                "auditor account requested by " + account.approvalRequestedBy());
        return password;
    }

    /** An auditor account opened by a signed-in administrator waits for a second one. */
    private static boolean needsApproval(Role role) {
        return role == Role.AUDITOR && !AuditTrail.nodeItself();
    }

    /** Reads an account for display: a read of personal data, so it is audited. */
    @Transactional
    public Optional<UserAccount> read(String username) {
        Optional<UserAccount> account = load(username);
        account.ifPresent(a -> audit.success("user.read", "user", a.username()));
        return account;
    }

    /** The signed-in user's own account: reading one's own account is not audited as a read of personal data. */
    public Optional<UserAccount> own(String username) {
        return load(username);
    }

    /** Whether {@code username} is an enabled account of this node holding {@code role}: a colleague one may name. */
    public boolean isActive(String username, Role role) {
        return load(username).filter(a -> a.enabled() && a.role() == role).isPresent();
    }

    /** Lists accounts for the administrator's overview: audited as one read of the list. */
    @Transactional
    public List<UserAccount> list() {
        audit.success("user.list", "user", null);
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(UserService::accountOf).list();
    }

    /**
     * Enables or disables an account. An account awaiting approval is enabled only by {@link #approve}; the last
     * enabled administrator stays, so that the node always has one.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        UserAccount account = load(username).orElseThrow(() ->
                new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.unknown"))));
        if (enabled && account.awaitingApproval()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.awaitingApproval")));
        }
        if (!enabled && account.enabled() && account.role() == Role.ADMINISTRATOR && enabledAdministrators() <= 1) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.lastAdministrator")));
        }
        jdbc.sql("UPDATE users SET enabled = :enabled, failed_attempts = 0, locked_until = NULL WHERE username = :u")
                .param("enabled", enabled).param("u", username).update();
        if (!enabled) {
            revokeTokens(username);
        }
        audit.success(enabled ? "user.enable" : "user.disable", "user", username);
    }

    /**
     * Gives a user a new generated password, for a user who forgot theirs; their second factor stays, so the
     * administrator who hands the password over cannot sign in with it alone. The user must replace it at their next
     * sign-in ({@link PasswordChangeRequired}) within the generated-password lifetime.
     */
    @Transactional
    public String resetPassword(String username) {
        requireExists(username);
        String password = OneTimeSecrets.password();
        jdbc.sql("""
                UPDATE users SET password_hash = :hash, password_change_required = TRUE,
                                 generated_password_expires_at = :expires
                WHERE username = :u
                """).param("hash", passwordEncoder.encode(password)).param("expires", generatedPasswordExpiry())
                .param("u", username).update();
        afterReset(username, "user.reset-password");
        return password;
    }

    /**
     * Removes a user's second factor, for a user who lost their phone: they sign in with their own password and enrol
     * a new authenticator. No credential passes through the administrator. A user who lost both gets both resets,
     * two audited steps.
     */
    @Transactional
    public void resetSecondFactor(String username) {
        requireExists(username);
        jdbc.sql("UPDATE users SET totp_secret = NULL, totp_last_step = 0 WHERE username = :u").param("u", username)
                .update();
        afterReset(username, "user.reset-second-factor");
    }

    /**
     * What both resets do: a reset answers a lost credential or a compromised account, so tokens issued before it
     * stop working, and the lock-out the owner may have run into is lifted.
     */
    private void afterReset(String username, String action) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = :u").param("u", username)
                .update();
        revokeTokens(username);
        audit.success(action, "user", username);
    }

    /**
     * A user changes their own password, proving the current one; the new one must pass the policy. Not one
     * transaction: a failed attempt is recorded on its own, so the refusal that follows cannot roll it back.
     */
    public void changeOwnPassword(String username, String current, String replacement) {
        String hash = passwordHash(username).orElseThrow();
        if (current == null || !passwordEncoder.matches(current, hash)) {
            audit.record("user.password.change", "user", username, AuditOutcome.FAILURE, "wrong current password");
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("current", "password.wrongCurrent")));
        }
        PasswordPolicy.violation(username, replacement).ifPresent(key -> {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("replacement", key)));
        });
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE users SET password_hash = :hash, password_change_required = FALSE,
                                     generated_password_expires_at = NULL
                    WHERE username = :u
                    """)
                    .param("hash", passwordEncoder.encode(replacement)).param("u", username).update();
            audit.success("user.password.change", "user", username);
        });
    }

    @Transactional
    public void setLocale(String username, String locale) {
        jdbc.sql("UPDATE users SET locale = :locale WHERE username = :u").param("locale", locale)
                .param("u", username).update();
    }

    private long enabledAdministrators() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = :role AND enabled = TRUE")
                .param("role", Role.ADMINISTRATOR.name()).query(Long.class).single();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    Optional<UserAccount> load(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = :u").param("u", username)
                .query(UserService::accountOf).optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = :u").param("u", username)
                .query(String.class).optional();
    }

    Optional<String> totpSecret(String username) {
        return jdbc.sql("SELECT totp_secret FROM users WHERE username = :u AND totp_secret IS NOT NULL")
                .param("u", username).query(String.class).optional().map(sealed -> sealer.open(sealed, username));
    }

    /** Counts a failed sign-in step; the fifth in a row locks the account for {@link #LOCK_OUT}. */
    @Transactional
    public void recordFailure(String username) {
        int updated = jdbc.sql("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE username = :u")
                .param("u", username).update();
        if (updated == 0) {
            return;
        }
        int failures = jdbc.sql("SELECT failed_attempts FROM users WHERE username = :u").param("u", username)
                .query(Integer.class).single();
        if (failures >= MAX_FAILED_ATTEMPTS) {
            jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = :until WHERE username = :u")
                    .param("until", now().plus(LOCK_OUT))
                    .param("u", username).update();
            audit.record("user.lock", "user", username, AuditOutcome.SUCCESS, failures + " failed attempts");
        }
    }

    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql("UPDATE users SET failed_attempts = 0 WHERE username = :u").param("u", username).update();
    }

    /** Records the first authenticator of an account; false (and nothing changed) if it already has one. */
    @Transactional
    boolean enrolSecondFactor(String username, String base32Secret, long acceptedStep) {
        int enrolled = jdbc.sql("""
                UPDATE users SET totp_secret = :s, totp_last_step = :step WHERE username = :u AND totp_secret IS NULL
                """).param("s", sealer.seal(base32Secret, username)).param("step", acceptedStep).param("u", username)
                .update();
        if (enrolled == 1) {
            audit.success("user.totp.enrol", "user", username);
        }
        return enrolled == 1;
    }

    /**
     * Gives a user a new authenticator secret set out of band (a provisioned hardware token, a demo
     * account) instead of the enrolment page, and returns it in base32.
     */
    @Transactional
    public String provisionSecondFactor(String username) {
        requireExists(username);
        String secret = Base32.encode(Totp.newSecret());
        jdbc.sql("UPDATE users SET totp_secret = :s, totp_last_step = 0 WHERE username = :u")
                .param("s", sealer.seal(secret, username)).param("u", username).update();
        audit.success("user.totp.provision", "user", username);
        return secret;
    }

    /**
     * Lets a user keep the password they were given: for prepared accounts whose credentials are handed out
     * together with a provisioned second factor (the demo's), not for accounts an administrator opens or resets.
     */
    @Transactional
    public void keepGivenPassword(String username) {
        requireExists(username);
        jdbc.sql("UPDATE users SET password_change_required = FALSE, generated_password_expires_at = NULL WHERE username = :u")
                .param("u", username).update();
        audit.success("user.password.keep", "user", username);
    }

    /** Accepts a TOTP time step only once: false when this step or a later one was already used. */
    @Transactional
    boolean consumeTotpStep(String username, long step) {
        return jdbc.sql("UPDATE users SET totp_last_step = :step WHERE username = :u AND totp_last_step < :step")
                .param("step", step).param("u", username).update() == 1;
    }

    private void requireExists(String username) {
        if (!exists(username)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("username", "user.error.unknown")));
        }
    }

    private void revokeTokens(String username) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE revoked_at IS NULL AND user_id = "
                + "(SELECT id FROM users WHERE username = :u)").param("now", now()).param("u", username).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** When a password generated now stops working unless its owner has replaced it. */
    private OffsetDateTime generatedPasswordExpiry() {
        return now().plus(generatedPasswordLifetime);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static UserAccount accountOf(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        OffsetDateTime expires = rs.getObject("generated_password_expires_at", OffsetDateTime.class);
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("party"), rs.getString("office"),
                rs.getBoolean("enabled"), rs.getString("totp_secret") != null,
                locked == null ? null : locked.toInstant(), rs.getString("locale"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("password_change_required"),
                expires == null ? null : expires.toInstant(), rs.getString("approval_requested_by"));
    }

    Instant instant() {
        return clock.instant();
    }
}
