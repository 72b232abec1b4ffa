package org.passerelle.server.security;

import java.time.Instant;

/**
 * A local user as other modules see it (never with its password hash or TOTP secret).
 *
 * @param office the prefecture, consulate or service the user works for, or null
 * @param lockedUntil the end of a lock-out after repeated failures, or null
 */
public record UserAccount(long id, String username, String displayName, Role role, String party, String office,
        boolean enabled, boolean secondFactorEnrolled, Instant lockedUntil, String locale, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
