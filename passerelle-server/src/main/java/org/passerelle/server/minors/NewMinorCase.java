package org.passerelle.server.minors;

import java.util.List;

/**
 * A minor's record as France's child-protection officer types it, unchecked; {@code tracingConsent} is {@code given}
 * or {@code refused}.
 */
public record NewMinorCase(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
        String motherName, String ageMethod, String ageConclusion, String judge, String placement, String guardian,
        String tracingConsent) {

    public NewMinorCase {
        names = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .toList();
    }
}
