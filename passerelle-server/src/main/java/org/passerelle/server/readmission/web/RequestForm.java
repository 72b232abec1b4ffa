package org.passerelle.server.readmission.web;

import java.util.Arrays;
import java.util.List;
import org.passerelle.server.readmission.NewReadmissionRequest;

/**
 * The new request form as typed: one name per line (the first as on the removal order, then aliases and other
 * spellings, in any script), languages separated by commas (Latin or Arabic).
 */
public record RequestForm(String prefecture, String names, String sex, String birthDate, String birthPlace,
        String fatherName, String motherName, String languages, String description, String removalOrderReference,
        String removalOrderDate, String detentionCentre, String detentionStart, String detentionEnd, String asylum,
        String asylumDecidedOn) {

    public static RequestForm empty(String prefecture) {
        return new RequestForm(prefecture, "", "", "", "", "", "", "", "", "", "", "", "", "", "none", "");
    }

    public NewReadmissionRequest toRequest() {
        return new NewReadmissionRequest(prefecture, lines(names), sex, birthDate, birthPlace, fatherName, motherName,
                languages == null ? List.of() : Arrays.asList(languages.split("[,،]")), description,
                removalOrderReference, removalOrderDate, detentionCentre, detentionStart, detentionEnd, asylum,
                asylumDecidedOn);
    }

    /** The names typed, one per line. */
    public List<String> nameList() {
        return lines(names).stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\\R"));
    }
}
