package org.passerelle.server.intel.network;

import java.time.LocalDate;

/**
 * A network as listed: its name, which party recorded it (this node, or a party that shared it), its size, the
 * dates its links span, and whether someone on this node has taken it (one shared by the other party waits until then).
 */
public record NetworkSummary(long id, String name, String description, String origin, long entities, long links,
        LocalDate firstLink, LocalDate lastLink, boolean taken) {
}
