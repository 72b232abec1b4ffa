package org.passerelle.server.security;

import java.time.Clock;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The password step of sign-in: it grants only the right to present the second factor. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserStore users;
    private final PartyDirectory parties;
    private final Clock clock;

    AccountUserDetailsService(UserStore users, PartyDirectory parties, Clock clock) {
        this.users = users;
        this.parties = parties;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.load(username)
                .filter(a -> a.party().equals(parties.self().code()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username())
                .password(users.passwordHash(username).orElseThrow())
                .authorities(Authorities.SECOND_FACTOR_PENDING)
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                // Checked only once the password matched, so it tells nothing to someone without it.
                .credentialsExpired(account.generatedPasswordExpiredAt(clock.instant()))
                .build();
    }
}
