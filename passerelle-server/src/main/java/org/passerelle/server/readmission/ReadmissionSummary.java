package org.passerelle.server.readmission;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A readmission case as lists show it.
 *
 * @param overdue the consulate's decision is late
 * @param atRisk the detention may end before Morocco's identification or laissez-passer (see
 *        {@link ReadmissionState#atRiskOn})
 * @param waitingOn the party that must act next (null once closed)
 */
public record ReadmissionSummary(String caseId, String reference, String prefecture, String consulate,
        String displayName, String birthDate, ReadmissionStatus status, Instant openedAt, Instant dueAt,
        LocalDate detentionEnd, String laissezPasserNumber, LocalDate laissezPasserValidUntil, LocalDate flightDate,
        boolean overdue, boolean atRisk, String waitingOn) {
}
