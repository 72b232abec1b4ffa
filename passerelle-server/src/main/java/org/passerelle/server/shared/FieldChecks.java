package org.passerelle.server.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.server.shared.InvalidInputException.FieldError;

/**
 * The checks a module's commands run on typed input, gathering every broken rule by field so that a form shows them all
 * at once; {@link #throwIfAny} ends the checking. Messages are the module's keys under {@code prefix}: {@code
 * <prefix>.error.required}, {@code tooLong}, {@code dateMissing}, {@code dateFormat}, {@code dateRange}.
 */
public final class FieldChecks {

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    public FieldChecks(String prefix) {
        this.prefix = prefix;
    }

    /** A field that must hold text of at most {@code max} characters; the text stripped, or null when it breaks a rule. */
    public String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return fail(field, "required");
        }
        return value.strip().length() > max ? fail(field, "tooLong") : value.strip();
    }

    /** A field that may be empty (null then) or hold at most {@code max} characters. */
    public String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().length() > max ? fail(field, "tooLong") : value.strip();
    }

    /** A date {@code YYYY-MM-DD} from {@code floor} to {@code ceiling}, both included; null when it breaks a rule. */
    public LocalDate date(String field, String text, LocalDate floor, LocalDate ceiling) {
        if (text == null || text.isBlank()) {
            return fail(field, "dateMissing");
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.isBefore(floor) || date.isAfter(ceiling) ? fail(field, "dateRange") : date;
        } catch (DateTimeParseException e) {
            return fail(field, "dateFormat");
        }
    }

    /**
     * A month typed as {@code YYYY-MM} for {@code field} (a period's bound in a query), or {@code otherwise} when blank;
     * a malformed one is refused at once with {@code messageKey}.
     */
    public static YearMonth month(String field, String text, YearMonth otherwise, String messageKey) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldError(field, messageKey)));
        }
    }

    /** Records a broken rule of the module's own, {@code <prefix>.error.<rule>}. */
    public <T> T fail(String field, String rule) {
        errors.add(new FieldError(field, prefix + ".error." + rule));
        return null;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws every broken rule at once, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
