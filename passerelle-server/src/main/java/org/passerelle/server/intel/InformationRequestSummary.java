package org.passerelle.server.intel;

import java.time.Instant;

/** A line of the information requests list (from the view table). */
public record InformationRequestSummary(String caseId, String reference, String requester, String responder,
        String subject, Urgency urgency, RequestStatus status, String handlingCode, Instant openedAt, Instant dueAt,
        boolean overdue) {
}
