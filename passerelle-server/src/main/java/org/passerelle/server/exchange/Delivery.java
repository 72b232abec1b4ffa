package org.passerelle.server.exchange;

import java.time.Instant;

/** The delivery of one outgoing envelope to one peer, as users see it. */
public record Delivery(String peer, DeliveryState state, int attempts, Instant nextAttemptAt, String lastError,
        String rejectionReason, String receiptOutcome, Instant firstSentAt, Instant settledAt) {
}
