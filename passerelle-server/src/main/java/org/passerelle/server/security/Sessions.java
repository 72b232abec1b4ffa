package org.passerelle.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Ending a session: its data and its signed-in identity go together. */
final class Sessions {

    private Sessions() {
    }

    /** Ends the request's session, if it has one, and forgets who was signed in. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** Ends the session and sends the browser to sign in again, saying the session expired. */
    static void expire(HttpServletRequest request, HttpServletResponse response) throws IOException {
        end(request);
        response.sendRedirect(request.getContextPath() + "/login?expired");
    }
}
