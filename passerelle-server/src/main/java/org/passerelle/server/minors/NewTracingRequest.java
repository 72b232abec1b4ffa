package org.passerelle.server.minors;

import java.util.List;

/**
 * A family's request, filed in Morocco, to trace a child who left: the child as the family knows them (names in any
 * script), the parents' names, who filed it, and whether the family consents to the child's data being matched.
 */
public record NewTracingRequest(List<String> names, String sex, String birthDate, String birthPlace,
        String fatherName, String motherName, String filedBy, boolean consent) {

    public NewTracingRequest {
        names = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .toList();
    }
}
