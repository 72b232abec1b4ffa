package org.passerelle.graph.io;

/**
 * Input that cannot be read as a graph. The message names the input, the line and the column (both from 1), so
 * that an analyst can fix the file without reading code.
 */
public final class GraphInputException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;

    public GraphInputException(String source, int line, int column, String problem) {
        super(source + ", line " + line + ", column " + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** Name of the input (usually its file name). */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
