package org.passerelle.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the fully signed-in user (second factor passed, or a personal token) on the request as a {@link Viewer}, which
 * pages and the API hand to their module: who is asking is said explicitly, never guessed further down.
 */
final class SignedInViewer extends OncePerRequestFilter {

    private final String party;
    private final UserStore users;

    SignedInViewer(String party, UserStore users) {
        this.party = party;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        of(SecurityContextHolder.getContext().getAuthentication(), party, users)
                .ifPresent(viewer -> request.setAttribute(Viewer.REQUEST_ATTRIBUTE, viewer));
        chain.doFilter(request, response);
    }

    /**
     * The viewer a fully signed-in authentication stands for, with the office the account has now; empty before the
     * second factor or for no user.
     */
    static Optional<Viewer> of(Authentication authentication, String party, UserStore users) {
        if (!Authorities.has(authentication, Authorities.SIGNED_IN)) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(role -> Authorities.hasRole(authentication, role)).findFirst()
                .map(role -> new Viewer(authentication.getName(), role, party,
                        users.load(authentication.getName()).map(UserAccount::office).orElse(null)));
    }
}
