package org.passerelle.server.readmission;

import java.io.IOException;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A laissez-passer PDF checked as a border officer would: the seal read from the page's code and verified with the
 * issuer's key, then the page's printed number, validity and name compared with what the seal vouches for.
 *
 * @param seal the seal read from the page, if one was
 */
public record LaissezPasserCheck(LaissezPasserSeal.Verdict verdict, LaissezPasserSeal.Data data,
        Optional<String> seal) {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    /** Checks a document; a file that is not a PDF has no seal. */
    public static LaissezPasserCheck of(byte[] pdf, PublicKey issuerKey, LocalDate today,
            Function<String, Boolean> revoked) {
        LaissezPasserDocument.Reading reading;
        try {
            reading = LaissezPasserDocument.read(pdf);
        } catch (IOException e) {
            return new LaissezPasserCheck(LaissezPasserSeal.Verdict.NO_SEAL, null, Optional.empty());
        }
        if (reading.seal().isEmpty()) {
            return new LaissezPasserCheck(LaissezPasserSeal.Verdict.NO_SEAL, null, Optional.empty());
        }
        LaissezPasserSeal.Check check = LaissezPasserSeal.check(reading.seal().get(), issuerKey, today, revoked);
        if (check.data() != null && check.verdict() != LaissezPasserSeal.Verdict.ALTERED
                && check.verdict() != LaissezPasserSeal.Verdict.WRONG_KEY && !printedAsSealed(check.data(),
                        reading.text())) {
            return new LaissezPasserCheck(LaissezPasserSeal.Verdict.PRINT_ALTERED, check.data(), reading.seal());
        }
        return new LaissezPasserCheck(check.verdict(), check.data(), reading.seal());
    }

    /**
     * Whether the page prints the sealed number, validity and Latin name. The Arabic name is left out: text extracted
     * from a PDF gives Arabic in presentation forms and visual order, which would not compare reliably.
     */
    static boolean printedAsSealed(LaissezPasserSeal.Data data, String text) {
        String flat = text.replaceAll("\\s+", " ");
        boolean latinName = LaissezPasserDocument.firstIn(data.names(), false)
                .map(name -> flat.contains(name.replaceAll("\\s+", " "))).orElse(true);
        return flat.contains(data.number()) && flat.contains(PRINTED.format(data.validUntil())) && latinName;
    }
}
