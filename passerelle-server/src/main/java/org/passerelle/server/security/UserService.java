package org.passerelle.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What administrators, the command line and users themselves do with local accounts: open, approve, enable, reset,
 * change one's password and language. Every read and change is audited; the SQL is {@link UserStore}'s.
 */
@Service
public class UserService {

    private static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{2,63}";

    private final UserStore store;
    private final ApiTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final SecretSealer sealer;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SecurityProperties properties;
    private final Clock clock;

    UserService(UserStore store, ApiTokens tokens, PasswordEncoder passwordEncoder, SecretSealer sealer,
            PartyDirectory parties, AuditTrail audit, TransactionTemplate transactions, SecurityProperties properties,
            Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.sealer = sealer;
        this.parties = parties;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
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
        List<FieldError> errors = new ArrayList<>();
        if (user.username() == null || !user.username().matches(USERNAME_PATTERN)) {
            errors.add(new FieldError("username", "user.error.username"));
        } else if (store.exists(user.username()) || Viewer.NODE_NAME.equals(user.username())
                || AuditTrail.ANONYMOUS.equals(user.username())) {
            // The audit log's names for the node and for callers not signed in are taken for good.
            errors.add(new FieldError("username", "user.error.usernameTaken"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "user.error.displayName"));
        }
        Optional<Role> role = Role.parse(user.role());
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "user.error.role"));
        } else if (!role.get().allowedFor(party)) {
            errors.add(new FieldError("role", "user.error.roleNotForParty"));
        }
        if (user.office() != null && user.office().length() > 120) {
            errors.add(new FieldError("office", "user.error.office"));
        }
        if (user.password() != null && needsApproval(role.orElse(null))) {
            errors.add(new FieldError("password", "user.error.auditorPassword"));
        } else if (user.password() != null) {
            PasswordPolicy.violation(user.username(), user.password())
                    .ifPresent(key -> errors.add(new FieldError("password", key)));
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
        store.insert(new UserStore.NewAccount(user.username(), user.displayName().strip(), role, parties.self().code(),
                blankToNull(user.office()), passwordEncoder.encode(password), clock.instant(), user.password() == null,
                user.password() == null ? generatedPasswordExpiry() : null, !approval,
                approval ? AuditTrail.currentActor() : null));
        audit.record("user.create", "user", user.username(), AuditOutcome.SUCCESS, approval
                ? "auditor account awaiting a second administrator's approval"
                : AuditTrail.nodeItself() ? "by the node's operator (command line)" : null);
        return new Created(store.load(user.username()).orElseThrow(),
                user.password() == null && !approval ? password : null);
    }

    /**
     * A second administrator approves an auditor account another opened: it is enabled with a generated password,
     * returned for the approver to hand over (and replaced by its owner at the first sign-in). A refusal is checked
     * before anything is written, and commits so that its audit entry stays.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public String approve(String username) {
        UserAccount account = store.load(username).filter(UserAccount::awaitingApproval)
                .orElseThrow(() -> invalid("username", "user.error.notAwaitingApproval"));
        String approver = AuditTrail.currentActor();
        if (account.approvalRequestedBy().equals(approver)) {
            audit.record("user.approve", "user", username, AuditOutcome.DENIED, "requested by the same administrator");
            throw invalid("username", "user.error.approveOwn");
        }
        String password = OneTimeSecrets.password();
        store.setPassword(username, passwordEncoder.encode(password), generatedPasswordExpiry());
        store.approve(username, approver);
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
        Optional<UserAccount> account = store.load(username);
        account.ifPresent(a -> audit.success("user.read", "user", a.username()));
        return account;
    }

    /** The signed-in user's own account: reading one's own account is not audited as a read of personal data. */
    public Optional<UserAccount> own(String username) {
        return store.load(username);
    }

    /** Whether {@code username} is an enabled account of this node holding {@code role}: a colleague one may name. */
    public boolean isActive(String username, Role role) {
        return store.load(username).filter(a -> a.enabled() && a.role() == role).isPresent();
    }

    /** Lists accounts for the administrator's overview: audited as one read of the list. */
    @Transactional
    public List<UserAccount> list() {
        audit.success("user.list", "user", null);
        return store.all();
    }

    /**
     * Enables or disables an account. An account awaiting approval is enabled only by {@link #approve}; the last
     * enabled administrator stays, so that the node always has one.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        UserAccount account = store.load(username).orElseThrow(() -> invalid("username", "user.error.unknown"));
        if (enabled && account.awaitingApproval()) {
            throw invalid("username", "user.error.awaitingApproval");
        }
        if (!enabled && account.enabled() && account.role() == Role.ADMINISTRATOR
                && store.enabledWithRole(Role.ADMINISTRATOR) <= 1) {
            throw invalid("username", "user.error.lastAdministrator");
        }
        store.setEnabled(username, enabled);
        if (!enabled) {
            tokens.revokeAll(username);
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
        store.setPassword(username, passwordEncoder.encode(password), generatedPasswordExpiry());
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
        store.clearSecondFactor(username);
        afterReset(username, "user.reset-second-factor");
    }

    /**
     * What both resets do: a reset answers a lost credential or a compromised account, so tokens issued before it
     * stop working, and the lock-out the owner may have run into is lifted.
     */
    private void afterReset(String username, String action) {
        store.clearLockOut(username);
        tokens.revokeAll(username);
        audit.success(action, "user", username);
    }

    /**
     * A user changes their own password, proving the current one; the new one must pass the policy. Not one
     * transaction: a failed attempt is recorded on its own, so the refusal that follows cannot roll it back.
     */
    public void changeOwnPassword(String username, String current, String replacement) {
        String hash = store.passwordHash(username).orElseThrow();
        if (current == null || !passwordEncoder.matches(current, hash)) {
            audit.record("user.password.change", "user", username, AuditOutcome.FAILURE, "wrong current password");
            throw invalid("current", "password.wrongCurrent");
        }
        PasswordPolicy.violation(username, replacement).ifPresent(key -> {
            throw invalid("replacement", key);
        });
        transactions.executeWithoutResult(status -> {
            store.setPassword(username, passwordEncoder.encode(replacement), null);
            audit.success("user.password.change", "user", username);
        });
    }

    @Transactional
    public void setLocale(String username, String locale) {
        store.setLocale(username, locale);
    }

    /**
     * Gives a user a new authenticator secret set out of band (a provisioned hardware token, a demo
     * account) instead of the enrolment page, and returns it in base32.
     */
    @Transactional
    public String provisionSecondFactor(String username) {
        requireExists(username);
        String secret = Base32.encode(Totp.newSecret());
        store.setSecondFactor(username, sealer.seal(secret, username));
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
        store.keepPassword(username);
        audit.success("user.password.keep", "user", username);
    }

    private void requireExists(String username) {
        if (!store.exists(username)) {
            throw invalid("username", "user.error.unknown");
        }
    }

    /** When a password generated now stops working unless its owner has replaced it. */
    private Instant generatedPasswordExpiry() {
        return clock.instant().plus(properties.generatedPasswordLifetime());
    }

    private static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new FieldError(field, key)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
