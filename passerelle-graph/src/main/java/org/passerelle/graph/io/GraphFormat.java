package org.passerelle.graph.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Input formats understood by {@link GraphReader}. */
public enum GraphFormat {
    /** Decide from the first line: see {@link GraphReader#detect(String)}. */
    AUTO,
    /** One edge a line: {@code source target [weight]}. */
    EDGELIST,
    /** A square or rectangular matrix whose first row and column are labels (CAVIAR format). */
    MATRIX;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name ({@code auto}, {@code edgelist}, {@code matrix}), ignoring case. */
    public static GraphFormat fromCliName(String name) {
        for (GraphFormat format : values()) {
            if (format.cliName().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "', expected one of "
                + Arrays.stream(values()).map(GraphFormat::cliName).collect(Collectors.joining(", ")));
    }
}
