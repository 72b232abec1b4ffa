package org.passerelle.matching.normalize;

/**
 * One unit of a name: a word, or a particle with the word it governs ("ben ali", "abd el kader", "ould ahmed"),
 * because those are compared and counted as one thing.
 *
 * @param text normalised spelling, for explanations
 * @param key  its {@link BridgeKey}, equal across scripts and spellings
 * @param role family name, given name, or unknown when the record did not say
 */
public record NameUnit(String text, String key, Role role) {
    /** Which part of a name a unit came from. */
    public enum Role { FAMILY, GIVEN, UNKNOWN }
}
