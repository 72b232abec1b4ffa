package org.passerelle.server.intel;

/** How fast an information request must be answered (EU practice: 8 hours, 3 days, 7 days). */
public enum Urgency {
    /** Urgent, and the answer is in a system the receiving service can query directly. */
    URGENT_DIRECT,
    /** Urgent, the answer must be obtained from another service. */
    URGENT,
    NORMAL;

    public String messageKey() {
        return "urgency." + name();
    }
}
