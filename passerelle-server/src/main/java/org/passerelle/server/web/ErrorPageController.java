package org.passerelle.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one error page: the status and a plain sentence in the user's language, never a stack trace, an
 * exception name or a server detail. API calls get the same as JSON.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final Messages messages;

    ErrorPageController(Messages messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        String key = switch (status.value()) {
            case 400, 401, 403, 404, 405 -> "error." + status.value();
            default -> "error.other";
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            Language language = Language.of(RequestContextUtils.getLocale(request));
            return ResponseEntity.status(status)
                    .body(Map.of("status", status.value(), "error", messages.get(language, key)));
        }
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", key);
        request.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE, status);
        return "error";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
