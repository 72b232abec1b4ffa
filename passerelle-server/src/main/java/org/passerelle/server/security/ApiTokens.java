package org.passerelle.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.passerelle.server.shared.InvalidInputException;

/**
 * Personal API tokens: shown once at creation, stored only as a SHA-256 hash (a token is 256 random
 * bits, so a fast hash is enough), revocable, expiring after a configured lifetime (a forgotten token in a
 * script should not work for ever), and carrying exactly the rights of their owner.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "psl_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final PartyDirectory parties;
    private final Duration lifetime;

    ApiTokens(JdbcClient jdbc, UserStore users, AuditTrail audit, Clock clock, PartyDirectory parties,
            SecurityProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.parties = parties;
        this.lifetime = properties.apiTokenLifetime();
    }

    /** A token just created: {@code secret} is shown to its owner once and never again. */
    public record Issued(long id, String name, String secret) {
    }

    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            Instant revokedAt, Status status) {
    }

    @Transactional
    public Issued issue(String username, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("name", "token.error.name")));
        }
        UserAccount owner = users.load(username).orElseThrow();
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(OneTimeSecrets.bytes(32));
        String hash = hash(secret);
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
                VALUES (:user, :name, :hash, :now, :expires)
                """).param("user", owner.id()).param("name", name.strip()).param("hash", hash).param("now", now)
                .param("expires", now.plus(lifetime)).update();
        long id = jdbc.sql("SELECT id FROM api_tokens WHERE token_hash = :hash").param("hash", hash)
                .query(Long.class).single();
        audit.success("token.create", "api-token", Long.toString(id));
        return new Issued(id, name.strip(), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(String username) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT t.* FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE u.username = :u ORDER BY t.created_at DESC
                """).param("u", username).query((rs, row) -> {
                    Instant expires = instant(rs.getObject("expires_at", OffsetDateTime.class));
                    Instant revoked = instant(rs.getObject("revoked_at", OffsetDateTime.class));
                    return new TokenInfo(rs.getLong("id"), rs.getString("name"),
                            instant(rs.getObject("created_at", OffsetDateTime.class)),
                            instant(rs.getObject("last_used_at", OffsetDateTime.class)), expires, revoked,
                            revoked != null ? Status.REVOKED : now.isBefore(expires) ? Status.ACTIVE : Status.EXPIRED);
                }).list();
    }

    /** Revokes one of the user's own tokens; false when the user has no such active token. */
    @Transactional
    public boolean revoke(String username, long tokenId) {
        int updated = jdbc.sql("""
                UPDATE api_tokens SET revoked_at = :now
                WHERE id = :id AND revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = :u)
                """).param("now", now()).param("id", tokenId).param("u", username).update();
        if (updated == 1) {
            audit.success("token.revoke", "api-token", Long.toString(tokenId));
        }
        return updated == 1;
    }

    /** Revokes every active token of a user (disabled, or reset after a lost credential). */
    void revokeAll(String username) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE revoked_at IS NULL AND user_id = "
                + "(SELECT id FROM users WHERE username = :u)").param("now", now()).param("u", username).update();
    }

    /**
     * The signed-in identity a presented token stands for, if it is active (neither revoked nor expired) and its
     * owner is enabled.
     */
    @Transactional
    Optional<Authentication> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = jdbc.sql("""
                SELECT t.id, t.last_used_at, u.username FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled = TRUE
                """).param("hash", hash(presented)).param("now", now()).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UserAccount account = users.load((String) row.get().get("username")).orElseThrow();
        // The same rule as the password step: an account of another party never acts on this node.
        if (account.lockedAt(clock.instant()) || !account.party().equals(parties.self().code())) {
            return Optional.empty();
        }
        touch(((Number) row.get().get("id")).longValue(), row.get().get("last_used_at"));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                Authorities.signedIn(account)));
    }

    // Recording every use would turn each API read into a write; a minute's precision is enough to audit.
    private void touch(long id, Object lastUsed) {
        Instant last = lastUsed instanceof OffsetDateTime odt ? odt.toInstant() : null;
        if (last == null || last.plus(LAST_USED_PRECISION).isBefore(clock.instant())) {
            jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id").param("now", now()).param("id", id)
                    .update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
