package org.passerelle.server.intel.network;

import java.time.LocalDate;

/**
 * A network as listed: its name, which party recorded it (this node, or a party that shared it), its size and
 * the dates its links span.
 */
public record NetworkSummary(long id, String name, String description, String origin, long entities, long links,
        LocalDate firstLink, LocalDate lastLink) {
}
