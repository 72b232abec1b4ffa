package org.passerelle.server.exchange;

/** Where a stored envelope stands on this node. */
enum EnvelopeState {
    /** Stored and part of its case's thread. */
    STORED,
    /** Received before one of its parents: kept aside until the parents are here. */
    HELD,
    /** Its payload dropped at its sender's request (retraction or correction); id, hash and metadata remain. */
    PURGED
}
