package org.passerelle.server.intel;

import java.time.Instant;

/**
 * A line of the information requests list (from the view table).
 *
 * @param taken someone on this node is on the request's team; one not taken yet waits for an analyst to take it
 */
public record InformationRequestSummary(String caseId, String reference, String requester, String responder,
        String subject, Urgency urgency, RequestStatus status, String handlingCode, Instant openedAt, Instant dueAt,
        boolean overdue, boolean taken) {
}
