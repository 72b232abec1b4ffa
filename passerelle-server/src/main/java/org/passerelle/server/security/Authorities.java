package org.passerelle.server.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.passerelle.server.shared.Role;

/**
 * The authorities a session or token carries. A password alone grants only {@link #SECOND_FACTOR_PENDING};
 * the role, the party and {@link #SIGNED_IN} come with the second factor.
 */
public final class Authorities {

    public static final String SECOND_FACTOR_PENDING = "MFA_PENDING";
    public static final String SIGNED_IN = "MFA";

    private Authorities() {
    }

    static List<GrantedAuthority> signedIn(UserAccount account) {
        return List.of(new SimpleGrantedAuthority(SIGNED_IN), new SimpleGrantedAuthority(account.role().authority()),
                new SimpleGrantedAuthority("PARTY_" + account.party()));
    }

    public static boolean has(Authentication authentication, String authority) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> authority.equals(a.getAuthority()));
    }

    public static boolean hasRole(Authentication authentication, Role role) {
        return has(authentication, role.authority());
    }
}
