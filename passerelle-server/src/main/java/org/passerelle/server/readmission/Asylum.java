package org.passerelle.server.readmission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The person's asylum status as the prefecture records it. It never leaves France: the agreement forbids sending the
 * asylum file, and Morocco needs only the consequence (no request while a claim or appeal is pending).
 */
public enum Asylum {
    NONE, PENDING, REJECTED, APPEAL_PENDING;

    /** Whether removal must wait: non-refoulement while a claim or an appeal is pending. */
    public boolean blocksRemoval() {
        return this == PENDING || this == APPEAL_PENDING;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Asylum> ofApiName(String text) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(text)).findFirst();
    }

    public String messageKey() {
        return "readmission.asylum." + name();
    }
}
