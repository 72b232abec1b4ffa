package org.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Invalid input on the API, whichever module's endpoint refused it: 400 with every broken rule, by field, in
 * the caller's language (Accept-Language); a step a safeguard refuses: 409 with the reason.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private final Messages messages;

    ApiErrors(Messages messages) {
        this.messages = messages;
    }

    record FieldProblem(String field, String code, String message) {
    }

    record Problem(int status, List<FieldProblem> errors) {
    }

    /** A safeguard's refusal: the reason in the caller's language, and its code. */
    record Refusal(int status, String reason, String code) {
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Refusal> refused(RefusedException e, HttpServletRequest request) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal(409,
                messages.get(language, e.reasonKey(), e.arguments().toArray()), e.reasonKey()));
    }

    /**
     * A body the API could not read: a field it does not know is named ("unknown field `subjetc`"), and so is a field
     * whose value is of the wrong kind ("quantityKg": "lots"), rather than saying the request was not understood.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        Throwable cause = e.getMostSpecificCause();
        FieldProblem problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem = new FieldProblem(field, "api.error.unknownField",
                    messages.get(language, "api.error.unknownField", field));
        } else if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem = new FieldProblem(field, "api.error.fieldValue", messages.get(language, "api.error.fieldValue", field));
        } else {
            problem = new FieldProblem("", "api.error.unreadable", messages.get(language, "api.error.unreadable"));
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Problem(400, List.of(problem)));
    }

    /** The field's path in the body as a client writes it: {@code person.names[0]}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problem> invalid(InvalidInputException e, HttpServletRequest request) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        List<FieldProblem> problems = e.errors().stream()
                .map(f -> new FieldProblem(f.field(), f.messageKey(), messages.get(language, f.messageKey()))).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Problem(400, problems));
    }
}
