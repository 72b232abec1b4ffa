package org.passerelle.server.security;

import java.time.Clock;
import java.time.Duration;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lock-out: failed sign-in steps counted per account, the fifth in a row locking it for a while. */
@Component
class SignInAttempts {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);

    private final UserStore store;
    private final AuditTrail audit;
    private final Clock clock;

    SignInAttempts(UserStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts a failed sign-in step; the fifth in a row locks the account for {@link #LOCK_OUT}. */
    @Transactional
    void failed(String username) {
        int failures = store.countFailure(username);
        if (failures >= MAX_FAILED_ATTEMPTS) {
            store.lock(username, clock.instant().plus(LOCK_OUT));
            audit.record("user.lock", "user", username, AuditOutcome.SUCCESS, failures + " failed attempts");
        }
    }

    @Transactional
    void succeeded(String username) {
        store.clearFailures(username);
    }
}
