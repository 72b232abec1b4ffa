package org.passerelle.server.readmission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a removal failed: the words both nodes count the failures by. */
public enum RemovalFailure {
    REFUSED_TO_BOARD, RELEASED_BY_JUDGE, ASYLUM_CLAIM, MEDICAL, LAISSEZ_PASSER_EXPIRED, FLIGHT_CANCELLED, OTHER;

    /** The API's word: {@code refused-to-board}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RemovalFailure> ofApiName(String text) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(text)).findFirst();
    }

    public String messageKey() {
        return "readmission.failure." + name();
    }
}
