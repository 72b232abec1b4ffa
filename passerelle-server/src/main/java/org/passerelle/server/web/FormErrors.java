package org.passerelle.server.web;

import java.util.List;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.RefusedException;

/** Errors of a submitted form, as the error summary at the top of a page and the messages by each field show them. */
public final class FormErrors {

    /**
     * @param field the id of the input at fault, which the summary links to (empty: the whole step was refused)
     * @param arguments the message's arguments
     */
    public record Error(String field, String messageKey, List<Object> arguments) {

        public Error(String field, String messageKey) {
            this(field, messageKey, List.of());
        }
    }

    private FormErrors() {
    }

    public static List<Error> of(InvalidInputException e) {
        return e.errors().stream().map(f -> new Error(f.field(), f.messageKey())).toList();
    }

    /** A safeguard's refusal: not a field's fault, the reason heads the summary. */
    public static List<Error> of(RefusedException e) {
        return List.of(new Error("", e.reasonKey(), e.arguments()));
    }

    /** The message key of the first error on a field, or null: what the template shows beside the input. */
    public static String on(List<Error> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(Error::messageKey).findFirst().orElse(null);
    }
}
