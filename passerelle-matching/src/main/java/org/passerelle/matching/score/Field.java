package org.passerelle.matching.score;

import java.util.List;

/**
 * The compared fields and their agreement levels, best first. A field that either side leaves empty is
 * {@link #MISSING}: it weighs nothing either way.
 */
public enum Field {
    NAMES("names", "full, rare", "full", "covered, rare", "covered", "most", "some", "none"),
    BIRTH_DATE("birth_date", "exact", "day/month swapped", "same month", "same year, conventional date", "same year",
            "neighbouring year, conventional date", "neighbouring year", "2 years apart", "different"),
    BIRTH_PLACE("birth_place", "same", "similar", "different"),
    SEX("sex", "same", "different"),
    FATHER("father", "same", "similar", "different"),
    MOTHER("mother", "same", "similar", "different");

    /** Level of a field that one side does not fill. */
    public static final int MISSING = -1;

    private final String label;
    private final List<String> levels;

    Field(String label, String... levels) {
        this.label = label;
        this.levels = List.of(levels);
    }

    /** Name of the field in explanations and in the CSV contract. */
    public String label() {
        return label;
    }

    public int levelCount() {
        return levels.size();
    }

    public String levelName(int level) {
        return level == MISSING ? "missing" : levels.get(level);
    }
}
