package org.passerelle.server.shared;

import java.util.List;

/** Input that breaks a rule, with every broken rule named by field and message key so a form can show them all. */
public class InvalidInputException extends RuntimeException {

    /** @param field the form field or API property at fault; @param messageKey what is wrong, as a message key */
    public record FieldError(String field, String messageKey) {
    }

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
