package org.passerelle.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.OptionalLong;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The second sign-in step: enrolment of an authenticator app, then a TOTP code, after which the session
 * receives the user's role and party.
 */
@Service
public class SecondFactor {

    /**
     * How a presented code was received: accepted; wrong; wrong once too often, so the account is now locked;
     * refused because the account was disabled or locked meanwhile; or an enrolment for an account that already
     * has an authenticator (only its owner's code signs in).
     */
    public enum Outcome { ACCEPTED, WRONG_CODE, LOCKED, REFUSED, ALREADY_ENROLLED }

    private static final String PENDING_SECRET = SecondFactor.class.getName() + ".pendingSecret";

    private final UserStore users;
    private final SignInAttempts attempts;
    private final SecretSealer sealer;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactor(UserStore users, SignInAttempts attempts, SecretSealer sealer, PartyDirectory parties,
            AuditTrail audit, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.sealer = sealer;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean enrolled(String username) {
        return users.sealedTotpSecret(username).isPresent();
    }

    /** The secret being enrolled in this session, created on first call and kept until confirmed. */
    public String pendingSecret(HttpSession session) {
        Object secret = session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Base32.encode(Totp.newSecret());
            session.setAttribute(PENDING_SECRET, secret);
        }
        return (String) secret;
    }

    /** The enrolment QR code, as SVG, for the authenticator app to scan. */
    public String enrolmentQrCode(String username, HttpSession session) {
        String issuer = "Passerelle " + parties.self().code();
        return QrCodeSvg.of(Totp.provisioningUri(issuer, username, Base32.decode(pendingSecret(session))));
    }

    /**
     * Enrolment is only for an account without an authenticator: otherwise knowing the password would be enough to
     * replace its owner's authenticator with one's own.
     */
    public Outcome confirmEnrolment(String code, HttpServletRequest request, HttpServletResponse response) {
        String username = pendingUser();
        if (enrolled(username)) {
            return Outcome.ALREADY_ENROLLED;
        }
        if (barred(username, request)) {
            return Outcome.REFUSED;
        }
        String secret = pendingSecret(request.getSession());
        OptionalLong step = Totp.STANDARD.matchingStep(Base32.decode(secret), code, clock.instant());
        if (step.isEmpty()) {
            return refuse(username, request);
        }
        if (!enrol(username, secret, step.getAsLong())) {
            return Outcome.ALREADY_ENROLLED;
        }
        request.getSession().removeAttribute(PENDING_SECRET);
        signIn(username, request, response);
        return Outcome.ACCEPTED;
    }

    public Outcome verify(String code, HttpServletRequest request, HttpServletResponse response) {
        String username = pendingUser();
        if (barred(username, request)) {
            return Outcome.REFUSED;
        }
        byte[] secret = Base32.decode(sealer.open(users.sealedTotpSecret(username).orElseThrow(), username));
        OptionalLong step = Totp.STANDARD.matchingStep(secret, code, clock.instant());
        if (step.isEmpty() || !users.consumeTotpStep(username, step.getAsLong())) {
            return refuse(username, request);
        }
        signIn(username, request, response);
        return Outcome.ACCEPTED;
    }

    private Outcome refuse(String username, HttpServletRequest request) {
        audit.record("login.totp", "user", username, AuditOutcome.FAILURE, "wrong or reused code");
        attempts.failed(username);
        if (users.load(username).orElseThrow().lockedAt(clock.instant())) {
            Sessions.end(request);
            return Outcome.LOCKED;
        }
        return Outcome.WRONG_CODE;
    }

    /**
     * Whether the account was disabled or locked since its password step: every code is checked against the
     * account as it is now, so that sessions waiting at this step cannot go on guessing once it is locked.
     */
    private boolean barred(String username, HttpServletRequest request) {
        boolean barred = users.load(username).map(account -> !account.enabled() || account.lockedAt(clock.instant()))
                .orElse(true);
        if (barred) {
            audit.record("login.totp", "user", username, AuditOutcome.FAILURE, "account disabled or locked");
            Sessions.end(request);
        }
        return barred;
    }

    private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        UserAccount account = users.load(username).orElseThrow();
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(username, null,
                Authorities.signedIn(account));
        // A new session id at the privilege change defeats session fixation.
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (account.passwordChangeRequired()) {
            PasswordChangeRequired.require(request);
        }
        attempts.succeeded(username);
        audit.success("login", "user", username);
    }

    /** Records the account's first authenticator, sealed; false (nothing changed) if it already has one. */
    private boolean enrol(String username, String base32Secret, long acceptedStep) {
        boolean enrolled = users.enrolSecondFactor(username, sealer.seal(base32Secret, username), acceptedStep);
        if (enrolled) {
            audit.success("user.totp.enrol", "user", username);
        }
        return enrolled;
    }

    private static String pendingUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!Authorities.has(auth, Authorities.SECOND_FACTOR_PENDING)) {
            throw new IllegalStateException("No password step is pending in this session");
        }
        return auth.getName();
    }
}
