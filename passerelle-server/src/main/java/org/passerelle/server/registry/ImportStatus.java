package org.passerelle.server.registry;

import java.time.Instant;
import java.util.List;

/**
 * Where an import of the civil registry stands: how far through its file, how many records kept and rows refused, and
 * the first refused rows with their line and column.
 */
public record ImportStatus(long id, String fileName, String startedBy, Instant startedAt, Instant finishedAt, State state,
        long bytesTotal, long bytesRead, long records, long refused, String message, List<Problem> problems) {

    public enum State {
        RUNNING, DONE, FAILED, INTERRUPTED;

        public boolean finished() {
            return this != RUNNING;
        }

        public String messageKey() {
            return "registry.import.state." + name();
        }
    }

    /** A row refused: its line in the file, the column at fault ({@code *}: the row as a whole), and why. */
    public record Problem(long line, String column, String message) {
    }

    /** How far through the file the import is, 0 to 100. */
    public int percent() {
        if (state.finished()) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }
}
