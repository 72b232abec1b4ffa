package org.passerelle.server.minors;

import java.util.Locale;

/** How far a minor's case has come: the last milestone its thread reached. */
public enum MinorStatus {
    IDENTIFICATION_REQUESTED, NOT_IDENTIFIED, IDENTIFIED, ASSESSED, DETERMINED, JUDGE_DECIDED, RETURN_SCHEDULED,
    RETURNED, STAYING;

    /** The API's word: {@code identification-requested}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "minors.status." + apiName();
    }
}
