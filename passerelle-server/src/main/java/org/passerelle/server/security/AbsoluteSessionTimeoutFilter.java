package org.passerelle.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after it began, however active it is; the idle timeout alone would let a
 * stolen session live for ever as long as it is used.
 */
final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration maximum;
    private final Clock clock;

    AbsoluteSessionTimeoutFilter(Duration maximum, Clock clock) {
        this.maximum = maximum;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > maximum.toMillis()) {
            Sessions.expire(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
