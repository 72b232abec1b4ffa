package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.server.audit.AuditEntry;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Anonymous refusals are recorded one by one up to a number per minute, then counted into one entry. */
class AnonymousRefusalsTest extends NodeTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditLog log;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:05Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void beyondTheMinutesBudgetRefusalsAreCountedIntoOneEntry() {
        HandClock clock = new HandClock();
        AnonymousRefusals refusals = new AnonymousRefusals(audit, clock, new SecurityProperties(Duration.ofHours(8), Duration.ofDays(90), Duration.ofDays(3), 3));
        try {
            String probe = "probe-" + UUID.randomUUID();
            for (int i = 0; i < 5; i++) {
                refusals.record("api.token", "api", probe, AuditOutcome.FAILURE, "unknown token");
            }
            assertThat(entries(probe)).hasSize(3);
            assertThat(unrecordedCounts()).noneMatch(e -> e.event().details().startsWith("2 refusals"));

            // The next minute: its first refusal writes the last minute's count, and is recorded itself.
            clock.now = clock.now.plusSeconds(60);
            refusals.record("api.token", "api", probe, AuditOutcome.FAILURE, "unknown token");
            assertThat(entries(probe)).hasSize(4);
            assertThat(unrecordedCounts()).anySatisfy(e -> assertThat(e.event().details())
                    .isEqualTo("2 refusals in one minute beyond the 3 recorded one by one"));

            // A minute with no refusal after the budget was spent: the periodic pass writes its count.
            for (int i = 0; i < 4; i++) {
                refusals.record("api.token", "api", probe, AuditOutcome.FAILURE, "unknown token");
            }
            clock.now = clock.now.plusSeconds(60);
            refusals.writePastCounts();
            assertThat(entries(probe)).hasSize(6);
            assertThat(unrecordedCounts()).filteredOn(e -> e.event().details().startsWith("2 refusals")).hasSize(2);
        } finally {
            refusals.stop();
        }
    }

    private List<AuditEntry> entries(String probe) {
        return log.search(new AuditFilter(null, "api.token", probe, null, null, 100));
    }

    private List<AuditEntry> unrecordedCounts() {
        return log.search(new AuditFilter(null, "access.refusals.unrecorded", "null", null, null, 100));
    }
}
