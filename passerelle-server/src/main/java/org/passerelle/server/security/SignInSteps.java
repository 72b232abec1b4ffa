package org.passerelle.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the password step: audit it, count failures toward the lock-out, and send the user on to the
 * second factor (enrolment first if they have none yet). The page says the same thing for every failure,
 * so it does not reveal which accounts exist or are locked.
 */
final class SignInSteps implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SecondFactor secondFactor;
    private final SignInAttempts attempts;
    private final AuditTrail audit;
    private final AnonymousRefusals refusals;

    SignInSteps(SecondFactor secondFactor, SignInAttempts attempts, AuditTrail audit, AnonymousRefusals refusals) {
        this.secondFactor = secondFactor;
        this.attempts = attempts;
        this.audit = audit;
        this.refusals = refusals;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String username = authentication.getName();
        audit.record("login.password", "user", username, AuditOutcome.SUCCESS, null);
        boolean enrolled = secondFactor.enrolled(username);
        response.sendRedirect(request.getContextPath()
                + (enrolled ? "/login/second-factor" : "/login/second-factor/enrol"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String reason = switch (exception) {
            case LockedException locked -> "account locked";
            case DisabledException disabled -> "account disabled";
            case BadCredentialsException bad -> "bad credentials";
            case CredentialsExpiredException expired -> "generated password expired";
            default -> exception.getClass().getSimpleName();
        };
        refusals.record("login.password", "user", username, AuditOutcome.FAILURE, reason);
        if (exception instanceof BadCredentialsException && username != null) {
            attempts.failed(username);
        }
        response.sendRedirect(request.getContextPath()
                + (exception instanceof CredentialsExpiredException ? "/login?generatedExpired" : "/login?failed"));
    }
}
