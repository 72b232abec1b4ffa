package org.passerelle.server.coordination;

import java.time.LocalDate;

/** A meeting as lists show it (a row of the view, computed from its thread). */
public record MeetingSummary(String caseId, MeetingType type, String title, LocalDate date, String place,
        String calledBy, MeetingState.Status status, int decisions) {
}
