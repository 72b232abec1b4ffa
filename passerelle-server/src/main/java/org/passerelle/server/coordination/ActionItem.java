package org.passerelle.server.coordination;

import java.time.LocalDate;

/** A decision's action item as lists show it (a row of the view, computed from the meeting's thread). */
public record ActionItem(String decisionId, String caseId, String meetingTitle, LocalDate meetingDate,
        String decision, String ownerParty, String office, LocalDate due, ActionStatus status, String lastNote) {

    /** Past its due date and neither done nor dropped. */
    public boolean overdueOn(LocalDate today) {
        return status.pending() && today.isAfter(due);
    }
}
