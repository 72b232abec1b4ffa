package org.passerelle.server.intel;

/**
 * What an analyst fills in to ask the other party.
 *
 * @param urgency one of {@link Urgency}'s names
 * @param handlingCode H0 to H3; @param source A, B, C or X; @param information 1 to 4 (4x4 grading)
 * @param restriction the restriction of H3 content
 */
public record NewInformationRequest(String to, String subject, String question, String urgency, String handlingCode,
        String source, String information, String restriction) {
}
