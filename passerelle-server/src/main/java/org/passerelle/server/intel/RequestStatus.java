package org.passerelle.server.intel;

/** Where an information request stands, derived from its thread. */
public enum RequestStatus {
    AWAITING_ANSWER,
    QUESTION_ASKED,
    ANSWERED,
    DECLINED,
    WITHDRAWN;

    public boolean open() {
        return this == AWAITING_ANSWER || this == QUESTION_ASKED;
    }

    public String messageKey() {
        return "requestStatus." + name();
    }
}
