package org.passerelle.protocol;

import java.util.Optional;

/** What handling codes forbid, decided on the thread itself so that the receiving side enforces it. */
public final class HandlingPolicy {

    private HandlingPolicy() {
    }

    /**
     * Why {@code content} may not be passed on to {@code target}, or empty when it may: H2 content goes to a
     * party other than its originator only once the originator's consent for that party is in the thread.
     */
    public static Optional<String> forwardingRefusal(CaseThread thread, Envelope content, String target) {
        if (content.handling().code() != HandlingCode.H2 || content.from().equals(target)) {
            return Optional.empty();
        }
        boolean consented = thread.envelopes().stream().anyMatch(e -> ProtocolKinds.CONSENT.equals(e.kind())
                && e.from().equals(content.from())
                && content.id().equals(e.payload().path("envelope").asString(""))
                && target.equals(e.payload().path("to").asString("")));
        return consented ? Optional.empty()
                : Optional.of("H2: " + content.from() + " has not consented to passing this on to " + target);
    }
}
