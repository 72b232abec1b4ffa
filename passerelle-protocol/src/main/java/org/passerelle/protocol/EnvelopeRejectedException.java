package org.passerelle.protocol;

/** An envelope that does not hold, with the protocol's reason code and a sentence for people. */
public class EnvelopeRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public EnvelopeRejectedException(RejectionReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage().substring(reason.name().length() + 2);
    }
}
