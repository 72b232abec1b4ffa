package org.passerelle.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session ends as soon as its user's account is disabled (or deleted), not at its next timeout: the session holds
 * the role it was given at sign-in, so every request of a signed-in session checks the account as it is now.
 */
final class DisabledAccountSignOut extends OncePerRequestFilter {

    private final UserStore users;

    DisabledAccountSignOut(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (Authorities.has(auth, Authorities.SIGNED_IN)
                && !users.load(auth.getName()).map(UserAccount::enabled).orElse(false)) {
            Sessions.expire(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
