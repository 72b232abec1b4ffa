package org.passerelle.protocol;

/**
 * How an envelope's content may be used and how far it can be trusted: a handling code and the 4x4 grading.
 *
 * @param source reliability of the source: A (no doubt), B (mostly reliable), C (not reliable), X (cannot be judged)
 * @param information accuracy: 1 (known true), 2 (known personally to the source), 3 (corroborated), 4 (cannot be judged)
 * @param restriction the free-text restriction of an H3 envelope; null for the other codes
 */
public record Handling(HandlingCode code, char source, int information, String restriction) {

    public static final Handling ROUTINE = new Handling(HandlingCode.H0, 'X', 4, null);

    public Handling {
        if (code == null) {
            throw new IllegalArgumentException("A handling code is required");
        }
        if ("ABCX".indexOf(source) < 0) {
            throw new IllegalArgumentException("Source reliability is one of A, B, C, X");
        }
        if (information < 1 || information > 4) {
            throw new IllegalArgumentException("Information accuracy is 1 to 4");
        }
        if (code == HandlingCode.H3 && (restriction == null || restriction.isBlank())) {
            throw new IllegalArgumentException("An H3 envelope states its restriction");
        }
        if (code != HandlingCode.H3) {
            restriction = null;
        }
    }

    /** The grading as analysts write it, e.g. {@code B2}. */
    public String grading() {
        return "" + source + information;
    }
}
