package org.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

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

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problem> invalid(InvalidInputException e, HttpServletRequest request) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        List<FieldProblem> problems = e.errors().stream()
                .map(f -> new FieldProblem(f.field(), f.messageKey(), messages.get(language, f.messageKey()))).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Problem(400, problems));
    }
}
