package org.passerelle.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every refused access goes into the audit log before the refusal is answered: 403 (or 401 on the API
 * without a valid token), rendered by the generic error page.
 */
final class AccessRefusals implements AccessDeniedHandler, AuthenticationEntryPoint {

    private final AuditTrail audit;
    private final AnonymousRefusals anonymous;

    AccessRefusals(AuditTrail audit, AnonymousRefusals anonymous) {
        this.audit = audit;
        this.anonymous = anonymous;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String refused = request.getMethod() + " " + request.getRequestURI();
        // Refused before sign-in too (a page posted without its CSRF token): such callers go through the cap.
        if (AuditTrail.signedIn()) {
            audit.record("access.denied", recordType(request), refused, AuditOutcome.DENIED, null);
        } else {
            anonymous.record("access.denied", recordType(request), refused, AuditOutcome.DENIED, null);
        }
        if (Authorities.has(SecurityContextHolder.getContext().getAuthentication(), Authorities.SECOND_FACTOR_PENDING)) {
            // Half signed in: the way forward is the second factor, not an error page.
            response.sendRedirect(request.getContextPath() + "/login/second-factor");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        anonymous.record("access.denied", recordType(request), request.getMethod() + " " + request.getRequestURI(),
                AuditOutcome.DENIED, "not authenticated");
        response.setHeader("WWW-Authenticate", "Bearer");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static String recordType(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? "api" : "page";
    }
}
