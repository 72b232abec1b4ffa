package org.passerelle.server.readmission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a readmission request stands, derived from its thread; the API spells it in kebab case. */
public enum ReadmissionStatus {
    SUBMITTED,
    INFORMATION_NEEDED,
    INTERVIEW,
    IDENTIFIED,
    NOT_IDENTIFIED,
    LAISSEZ_PASSER_ISSUED,
    REMOVAL_SCHEDULED,
    REMOVED,
    REMOVAL_FAILED,
    WITHDRAWN;

    /** The API's word: {@code laissez-passer-issued}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ReadmissionStatus> ofApiName(String text) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(text)).findFirst();
    }

    /** Whether the case can still move; a failed removal can be tried again with a new laissez-passer. */
    public boolean open() {
        return this != NOT_IDENTIFIED && this != REMOVED && this != WITHDRAWN;
    }

    /** Whether the consulate has still to decide who the person is. */
    public boolean awaitingIdentification() {
        return this == SUBMITTED || this == INFORMATION_NEEDED || this == INTERVIEW;
    }

    /** Whether the case waits on Morocco: a decision, or the laissez-passer of an identified person. */
    public boolean awaitingMorocco() {
        return this == SUBMITTED || this == INTERVIEW || this == IDENTIFIED;
    }

    public String messageKey() {
        return "readmission.status." + name();
    }
}
