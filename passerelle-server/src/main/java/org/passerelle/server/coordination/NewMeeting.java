package org.passerelle.server.coordination;

import java.util.List;

/** A meeting as a form or the API gives it, unchecked: every value as typed. */
public record NewMeeting(String type, String title, String date, String place, List<Participant> participants,
        List<AgendaItem> agenda) {

    /** A participant as typed: party code, name, function. */
    public record Participant(String party, String name, String function) {
    }

    /** An agenda item as typed: its title and whether a decision is to be taken ({@code decision}) or not. */
    public record AgendaItem(String title, String purpose) {
    }

    public NewMeeting {
        participants = participants == null ? List.of() : List.copyOf(participants);
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }
}
