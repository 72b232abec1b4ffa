package org.passerelle.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what the current user does in the current request, so callers name only the action and record.
 */
@Component
public class AuditTrail {

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** Records what {@code viewer} did: the user a module acted for, or the node itself. */
    public void success(Viewer viewer, String action, String recordType, String recordId) {
        record(viewer, action, recordType, recordId, AuditOutcome.SUCCESS, null);
    }

    public void record(Viewer viewer, String action, String recordType, String recordId, AuditOutcome outcome,
            String details) {
        log.record(new AuditEvent(viewer.username(), action, recordType, recordId, currentAddress(), outcome, details));
    }

    public void success(String action, String recordType, String recordId) {
        record(action, recordType, recordId, AuditOutcome.SUCCESS, null);
    }

    public void record(String action, String recordType, String recordId, AuditOutcome outcome, String details) {
        log.record(new AuditEvent(currentActor(), action, recordType, recordId, currentAddress(), outcome, details));
    }

    /** What the log names the node itself and callers not signed in: no account may take these names. */
    public static final String NODE_ITSELF = Viewer.NODE_NAME;
    public static final String ANONYMOUS = "anonymous";

    /** The signed-in user; {@code anonymous} in a request before sign-in; {@code system} outside any request. */
    public static String currentActor() {
        if (signedIn()) {
            return SecurityContextHolder.getContext().getAuthentication().getName();
        }
        return nodeItself() ? NODE_ITSELF : ANONYMOUS;
    }

    /** Whether a user (with a password, a second factor pending or not, or a token) is behind the current code. */
    public static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && !(auth instanceof AnonymousAuthenticationToken);
    }

    /**
     * Whether the code runs for the node itself: no user signed in and outside any request (workers, start-up,
     * the command line). Decided from the security context, not from a name, which an account could carry.
     */
    public static boolean nodeItself() {
        return !signedIn() && RequestContextHolder.getRequestAttributes() == null;
    }

    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
