package org.passerelle.server.exchange;

import java.util.Arrays;
import java.util.Optional;

/** How a receiver answered one delivered envelope, as the wire says it (docs/protocol.md §4). */
enum AnswerOutcome {
    /** Verified and stored: a signed receipt comes with it. */
    RECEIPT("receipt"),
    /** Refused: a signed rejection with its reason comes with it, nothing was stored. */
    REJECTION("rejection"),
    /** Stored aside until its parents are here; asked again later for its receipt. */
    HELD("held");

    private final String wire;

    AnswerOutcome(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static Optional<AnswerOutcome> fromWire(String text) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(text)).findFirst();
    }
}
