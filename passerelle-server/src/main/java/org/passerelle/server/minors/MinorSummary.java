package org.passerelle.server.minors;

import java.time.Instant;
import java.time.LocalDate;

/** A minor's case as lists and figures read it (a row of the view, computed from its thread). */
public record MinorSummary(String caseId, String reference, String displayName, String birthDate, MinorStatus status,
        boolean identified, String decision, String centre, LocalDate returnedOn, int visitsOnTime, boolean traced,
        Instant openedAt) {
}
