package org.passerelle.server.intel.network;

import java.time.LocalDate;
import java.util.List;

/** A seizure: what, how much, where, when, and the actors of the network linked to it. */
public record Seizure(long id, long networkId, String drug, double quantityKg, String place, LocalDate seizedOn,
        List<String> actors) {
}
