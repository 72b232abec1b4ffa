package org.passerelle.graph.disruption;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whether scores are recomputed after each arrest. */
public enum DisruptionMode {
    /**
     * One actor at a time, scores recomputed on what remains after each removal: the network's adaptation is
     * followed, and the criminology literature finds it the most effective with betweenness.
     */
    SEQUENTIAL,
    /** Simultaneous arrests: step {@code k} removes the top {@code k} actors of the intact graph's ranking at once. */
    BLOCK;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DisruptionMode fromCliName(String name) {
        for (DisruptionMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "', expected one of "
                + Arrays.stream(values()).map(DisruptionMode::cliName).collect(Collectors.joining(", ")));
    }
}
