package org.passerelle.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.passerelle.server.audit.AuditOutcome;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API call by its {@code Authorization: Bearer psl_...} token, for that call only. */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AnonymousRefusals refusals;

    ApiTokenFilter(ApiTokens tokens, AnonymousRefusals refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Authentication> authentication = tokens.authenticate(header.substring(7).strip());
            if (authentication.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication.get());
                SecurityContextHolder.setContext(context);
            } else {
                refusals.record("api.token", "api", request.getRequestURI(), AuditOutcome.FAILURE,
                        "unknown, revoked or disabled token");
            }
        }
        chain.doFilter(request, response);
    }
}
