package org.passerelle.server.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo nodes' shared clock: the system's, moved back while the demo plays a year of readmission cases forward, so
 * that every envelope of that history is signed at the moment its step happened, both nodes agreeing on the time.
 * Once rewound to the history's start, it only moves forward, and runs as the system's clock does between moves.
 */
final class DemoClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The demo's clock tells UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Goes back to where the history starts, before the nodes have done anything in it. */
    synchronized void rewindTo(Instant start) {
        offset = Duration.between(Instant.now(), start);
    }

    /** Sets the time to {@code moment}, unless that is earlier than it is already. */
    synchronized void advanceTo(Instant moment) {
        Duration wanted = Duration.between(Instant.now(), moment);
        if (wanted.compareTo(offset) > 0) {
            offset = wanted;
        }
    }

    /** Back to the system's time, once the history is played. */
    synchronized void live() {
        offset = Duration.ZERO;
    }
}
