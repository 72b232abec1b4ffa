package org.passerelle.server.audit;

import java.time.Instant;

/** Criteria for reading the audit log; a null criterion matches everything. {@code action} matches as a prefix. */
public record AuditFilter(String actor, String action, String recordId, Instant from, Instant to, int limit) {

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        recordId = blankToNull(recordId);
        if (limit <= 0 || limit > 1000) {
            limit = 200;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
