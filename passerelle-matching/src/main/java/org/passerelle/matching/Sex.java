package org.passerelle.matching;

/** Sex as registries record it; {@link #UNKNOWN} when the column is empty. */
public enum Sex {
    M, F, UNKNOWN;

    /** Reads {@code M}, {@code F} or an empty value. */
    public static Sex parse(String value) {
        return switch (value.strip()) {
            case "M", "m" -> M;
            case "F", "f" -> F;
            case "" -> UNKNOWN;
            default -> throw new IllegalArgumentException("sex must be M, F or empty, not '" + value + "'");
        };
    }

    /** The CSV spelling: {@code M}, {@code F} or empty. */
    public String csv() {
        return this == UNKNOWN ? "" : name();
    }
}
