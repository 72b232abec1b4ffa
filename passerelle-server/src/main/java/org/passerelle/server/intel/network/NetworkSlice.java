package org.passerelle.server.intel.network;

import java.time.LocalDate;

/**
 * A time slice of a network: the links observed from {@code from} to {@code to}, both included; a null bound is open.
 */
public record NetworkSlice(LocalDate from, LocalDate to) {

    public static final NetworkSlice WHOLE = new NetworkSlice(null, null);
}
