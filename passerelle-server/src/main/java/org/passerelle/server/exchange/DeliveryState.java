package org.passerelle.server.exchange;

/** Where an outgoing envelope stands with one recipient. */
public enum DeliveryState {
    /** Written with the business change, not yet tried. */
    QUEUED,
    /** Handed to the peer; no answer recorded yet. */
    SENT,
    /** The last attempt failed; another attempt is planned, and the envelopes after it wait for it. */
    RETRYING,
    /**
     * The peer stored it as held until it has its parents, which it fetches itself. It is offered again later for its
     * receipt, without holding back the envelopes after it: one case waiting for a parent does not stall the others.
     */
    HELD,
    /** The peer answered with a signed receipt: validated and stored. */
    ACCEPTED,
    /** The peer answered with a signed rejection and its reason. */
    REJECTED;

    /** Whether the delivery has its answer, a receipt or a rejection: nothing more will happen to it. */
    public boolean settled() {
        return this == ACCEPTED || this == REJECTED;
    }
}
