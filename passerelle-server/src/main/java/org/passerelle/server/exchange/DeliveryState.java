package org.passerelle.server.exchange;

/** Where an outgoing envelope stands with one recipient. */
public enum DeliveryState {
    /** Written with the business change, not yet tried. */
    QUEUED,
    /** Handed to the peer; no answer recorded yet. */
    SENT,
    /** The last attempt failed or the peer is holding it for missing parents; another attempt is planned. */
    RETRYING,
    /** The peer answered with a signed receipt: validated and stored. */
    ACCEPTED,
    /** The peer answered with a signed rejection and its reason. */
    REJECTED
}
