package org.passerelle.server.minors;

import java.time.Instant;
import java.util.List;

/** A family's tracing request as Morocco keeps it, and the case it was matched to once a person confirmed it. */
public record TracingRequest(String id, String reference, List<String> names, String sex, String birthDate,
        String birthPlace, String fatherName, String motherName, String filedBy, Instant filedAt,
        String matchedCaseId, String confirmedBy) {

    public String displayName() {
        return names.isEmpty() ? "" : names.get(0);
    }
}
