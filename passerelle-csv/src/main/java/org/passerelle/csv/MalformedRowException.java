package org.passerelle.csv;

/** A CSV row that cannot be read as the contract says; carries the line it starts on. */
public final class MalformedRowException extends RuntimeException {
    private final int line;

    public MalformedRowException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
