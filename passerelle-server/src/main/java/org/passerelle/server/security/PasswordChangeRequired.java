package org.passerelle.server.security;

import org.passerelle.server.web.StaticAssets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user signed in with a password an administrator generated (after a reset) must choose their own before doing
 * anything else: the administrator, and whoever saw the password on its way, knows the generated one. Until then
 * every page sends them to their account page, where the password form is; the flag lives in the session, set at
 * sign-in from the account and cleared when the password is changed.
 */
public final class PasswordChangeRequired extends OncePerRequestFilter {

    private static final String SESSION_FLAG = PasswordChangeRequired.class.getName();
    private static final String ACCOUNT_PAGE = "/account";
    /** What such a user may still reach: the account page and its password form, signing out, the error page. */
    private static final Set<String> ALLOWED = Set.of(ACCOUNT_PAGE, "/account/password", "/logout", "/error");

    /** Whether this session's user must still replace a generated password. */
    public static boolean pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_FLAG) != null;
    }

    /** The user of this session has chosen their own password. */
    public static void satisfied(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_FLAG);
        }
    }

    static void require(HttpServletRequest request) {
        request.getSession().setAttribute(SESSION_FLAG, Boolean.TRUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (pending(request) && !ALLOWED.contains(path)
                && StaticAssets.FOLDERS.stream().noneMatch(path::startsWith)) {
            response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
