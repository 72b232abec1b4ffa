package org.passerelle.server.coordination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action item stands. Open and in-progress items past their due date are overdue. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "coordination.action." + apiName();
    }

    public boolean pending() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public static Optional<ActionStatus> ofApiName(String text) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(text)).findFirst();
    }
}
