package org.passerelle.server.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** The action was carried out. */
    SUCCESS,
    /** The action was refused by an access rule. */
    DENIED,
    /** The action was attempted and failed (bad password, invalid input...). */
    FAILURE
}
