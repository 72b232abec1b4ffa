package org.passerelle.server.readmission;

import java.util.List;

/**
 * A prefecture's identification request as typed in a form or sent to the API, every value as given (checked by
 * {@link Readmissions#validate}). Dates are {@code YYYY-MM-DD}; the birth date may be {@code YYYY} or {@code YYYY-MM}.
 */
public record NewReadmissionRequest(String prefecture, List<String> names, String sex, String birthDate,
        String birthPlace, String fatherName, String motherName, List<String> languages, String description,
        String removalOrderReference, String removalOrderDate, String detentionCentre, String detentionStart,
        String detentionEnd, String asylum, String asylumDecidedOn) {

    public NewReadmissionRequest {
        names = names == null ? List.of() : names.stream().map(n -> n == null ? "" : n.strip())
                .filter(n -> !n.isEmpty()).toList();
        languages = languages == null ? List.of() : languages.stream().map(l -> l == null ? "" : l.strip())
                .filter(l -> !l.isEmpty()).toList();
    }
}
