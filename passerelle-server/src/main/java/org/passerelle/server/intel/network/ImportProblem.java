package org.passerelle.server.intel.network;

/** A row of an imported file that could not be used, and why: its line, its column and the message key. */
public record ImportProblem(int line, String column, String messageKey, String value) {
}
