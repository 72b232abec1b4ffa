package org.passerelle.protocol;

/** Why a node refused an envelope. Codes are part of the protocol contract (docs/protocol.md). */
public enum RejectionReason {
    MALFORMED,
    UNSUPPORTED_VERSION,
    PAYLOAD_TOO_LARGE,
    UNKNOWN_SENDER,
    BAD_SIGNATURE,
    WRONG_RECIPIENT,
    UNKNOWN_KIND,
    SCHEMA_VIOLATION,
    CLOCK_SKEW,
    TOO_OLD,
    ATTACHMENT_MISMATCH,
    /** The same id was already stored with different content. */
    CONFLICT,
    /** Parents stayed missing: the sender could not provide them. */
    MISSING_PARENTS
}
