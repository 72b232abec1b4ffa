package org.passerelle.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.passerelle.server.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table: every statement the security module runs on local accounts. */
@Repository
class UserStore {

    /** A new account's row. */
    record NewAccount(String username, String displayName, Role role, String party, String office, String passwordHash,
            Instant createdAt, boolean passwordChangeRequired, Instant generatedPasswordExpiresAt, boolean enabled,
            String approvalRequestedBy) {
    }

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewAccount account) {
        jdbc.sql("""
                INSERT INTO users (username, display_name, role, party, office, password_hash, created_at,
                                   password_change_required, generated_password_expires_at, enabled,
                                   approval_requested_by)
                VALUES (:username, :displayName, :role, :party, :office, :hash, :created, :changeRequired, :expires,
                        :enabled, :requestedBy)
                """)
                .param("username", account.username()).param("displayName", account.displayName())
                .param("role", account.role().name()).param("party", account.party()).param("office", account.office())
                .param("hash", account.passwordHash()).param("created", utc(account.createdAt()))
                .param("changeRequired", account.passwordChangeRequired())
                .param("expires", utc(account.generatedPasswordExpiresAt())).param("enabled", account.enabled())
                .param("requestedBy", account.approvalRequestedBy()).update();
    }

    Optional<UserAccount> load(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = :u").param("u", username).query(UserStore::accountOf)
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u").param("u", username).query(Long.class)
                .single() > 0;
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(UserStore::accountOf).list();
    }

    long enabledWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = :role AND enabled = TRUE").param("role", role.name())
                .query(Long.class).single();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = :u").param("u", username).query(String.class)
                .optional();
    }

    /** The account's authenticator secret as stored (sealed), if it has one. */
    Optional<String> sealedTotpSecret(String username) {
        return jdbc.sql("SELECT totp_secret FROM users WHERE username = :u AND totp_secret IS NOT NULL")
                .param("u", username).query(String.class).optional();
    }

    /** Enables or disables an account, lifting any lock-out. */
    void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = :enabled, failed_attempts = 0, locked_until = NULL WHERE username = :u")
                .param("enabled", enabled).param("u", username).update();
    }

    /** Gives the account a password; {@code generatedExpiresAt} non-null: generated, to be replaced by then. */
    void setPassword(String username, String hash, Instant generatedExpiresAt) {
        jdbc.sql("""
                UPDATE users SET password_hash = :hash, password_change_required = :generated,
                                 generated_password_expires_at = :expires
                WHERE username = :u
                """).param("hash", hash).param("generated", generatedExpiresAt != null)
                .param("expires", utc(generatedExpiresAt)).param("u", username).update();
    }

    /** Keeps the password the account has (a prepared account's), as if its owner had chosen it. */
    void keepPassword(String username) {
        jdbc.sql("UPDATE users SET password_change_required = FALSE, generated_password_expires_at = NULL WHERE username = :u")
                .param("u", username).update();
    }

    /** Enables an auditor account a second administrator approved. */
    void approve(String username, String approver) {
        jdbc.sql("UPDATE users SET enabled = TRUE, approval_requested_by = NULL, approved_by = :approver WHERE username = :u")
                .param("approver", approver).param("u", username).update();
    }

    void setLocale(String username, String locale) {
        jdbc.sql("UPDATE users SET locale = :locale WHERE username = :u").param("locale", locale).param("u", username)
                .update();
    }

    /** Counts one more failed sign-in step; returns how many in a row, or 0 when there is no such account. */
    int countFailure(String username) {
        if (jdbc.sql("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE username = :u").param("u", username)
                .update() == 0) {
            return 0;
        }
        return jdbc.sql("SELECT failed_attempts FROM users WHERE username = :u").param("u", username)
                .query(Integer.class).single();
    }

    void lock(String username, Instant until) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = :until WHERE username = :u")
                .param("until", utc(until)).param("u", username).update();
    }

    void clearFailures(String username) {
        jdbc.sql("UPDATE users SET failed_attempts = 0 WHERE username = :u").param("u", username).update();
    }

    void clearLockOut(String username) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = :u").param("u", username)
                .update();
    }

    /** Records the first authenticator of an account; false (and nothing changed) if it already has one. */
    boolean enrolSecondFactor(String username, String sealedSecret, long acceptedStep) {
        return jdbc.sql("""
                UPDATE users SET totp_secret = :s, totp_last_step = :step WHERE username = :u AND totp_secret IS NULL
                """).param("s", sealedSecret).param("step", acceptedStep).param("u", username).update() == 1;
    }

    /** Sets an authenticator secret given out of band, replacing any. */
    void setSecondFactor(String username, String sealedSecret) {
        jdbc.sql("UPDATE users SET totp_secret = :s, totp_last_step = 0 WHERE username = :u")
                .param("s", sealedSecret).param("u", username).update();
    }

    void clearSecondFactor(String username) {
        jdbc.sql("UPDATE users SET totp_secret = NULL, totp_last_step = 0 WHERE username = :u").param("u", username)
                .update();
    }

    /** Accepts a TOTP time step only once: false when this step or a later one was already used. */
    boolean consumeTotpStep(String username, long step) {
        return jdbc.sql("UPDATE users SET totp_last_step = :step WHERE username = :u AND totp_last_step < :step")
                .param("step", step).param("u", username).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static UserAccount accountOf(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        OffsetDateTime expires = rs.getObject("generated_password_expires_at", OffsetDateTime.class);
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("party"), rs.getString("office"),
                rs.getBoolean("enabled"), rs.getString("totp_secret") != null,
                locked == null ? null : locked.toInstant(), rs.getString("locale"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("password_change_required"),
                expires == null ? null : expires.toInstant(), rs.getString("approval_requested_by"));
    }
}
