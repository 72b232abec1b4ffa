package org.passerelle.server.shared;

import java.util.List;

/**
 * A step the rules forbid however well its input is formed (a safeguard: an asylum claim pending, a minor, an expired
 * laissez-passer), with the reason as a message key and its arguments, for the page's error summary and the API's
 * 409 answer.
 */
public class RefusedException extends RuntimeException {

    private final String reasonKey;
    private final transient List<Object> arguments;

    public RefusedException(String reasonKey, Object... arguments) {
        super("Refused: " + reasonKey);
        this.reasonKey = reasonKey;
        this.arguments = List.of(arguments);
    }

    public String reasonKey() {
        return reasonKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
