package org.passerelle.server.exchange;

/** Passing content on was refused by its handling code; the message says which rule and whose consent is missing. */
public class ForwardingRefusedException extends RuntimeException {

    public ForwardingRefusedException(String reason) {
        super(reason);
    }
}
