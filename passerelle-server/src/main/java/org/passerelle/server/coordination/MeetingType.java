package org.passerelle.server.coordination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The meetings the joint group holds: plenaries, technical meetings, meetings with the consuls or the prefects. */
public enum MeetingType {
    PLENARY, TECHNICAL, CONSULS, PREFECTS;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "coordination.type." + apiName();
    }

    public static Optional<MeetingType> ofApiName(String text) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(text)).findFirst();
    }
}
