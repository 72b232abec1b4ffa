package org.passerelle.server.coordination;

import java.util.List;

/**
 * A decision as a form or the API gives it, unchecked. An action item is made of it when an owner party, office and
 * due date are given (all three, or none).
 */
public record NewDecision(String text, String agendaItem, String ownerParty, String office, String due,
        List<String> links) {

    public NewDecision {
        links = links == null ? List.of() : links.stream().filter(l -> l != null && !l.isBlank()).map(String::strip)
                .toList();
    }

    boolean hasAction() {
        return !blank(ownerParty) || !blank(office) || !blank(due);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
