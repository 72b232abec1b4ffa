package org.passerelle.server.intel.network;

import java.time.LocalDate;

/**
 * A link between two entities of a network, with where it comes from.
 *
 * @param kind e.g. CALL, MEETING, OWNS, USES, FINANCES, TRANSPORTS
 * @param weight how much it counts (number of calls, meetings...)
 * @param sourceDocument the report, wiretap or seizure record it was read from
 * @param grading the 4x4 grading, e.g. B2
 * @param handlingCode H0 to H3
 */
public record NetworkLink(String source, String sourceKind, String target, String targetKind, String kind,
        double weight, LocalDate observedOn, String sourceDocument, String grading, String handlingCode) {
}
