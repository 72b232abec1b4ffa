package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.BirthDate;

/**
 * Compares birth dates, keeping the best agreement over every pair when a side lists several. Day and month
 * swapped is a classic clerical error between French (day first) and other conventions; a conventional date
 * (1 January, or a year alone) only says the year. A neighbouring year has its own level: an age estimated at
 * the border is most often one year off, which says far more than two years off.
 */
public final class BirthDateComparator {
    private static final int NEAR_YEARS = 2;
    /** Levels of {@link Field#BIRTH_DATE} for dates in different years, by how many years apart. */
    private static final int NEIGHBOURING_YEAR = 5;
    private static final int YEARS_APART = 6;
    private static final int DIFFERENT = 7;

    private BirthDateComparator() {
    }

    public static FieldOutcome compare(List<BirthDate> query, List<BirthDate> candidate) {
        int best = Field.MISSING;
        String detail = "";
        for (BirthDate q : query) {
            for (BirthDate c : candidate) {
                int level = level(q, c);
                if (best == Field.MISSING || level < best) {
                    best = level;
                    detail = q.equals(c) ? q.toString() : q + "~" + c;
                }
            }
        }
        return new FieldOutcome(Field.BIRTH_DATE, best, detail);
    }

    static int level(BirthDate q, BirthDate c) {
        boolean bothComplete = q.day() != 0 && c.day() != 0;
        if (q.year() == c.year()) {
            if (q.isConventional() && c.isConventional()) {
                return 3;
            }
            if (bothComplete && q.equals(c)) {
                return 0;
            }
            if (bothComplete && q.month() == c.day() && q.day() == c.month()) {
                return 1;
            }
            if (q.month() != 0 && q.month() == c.month()) {
                return 2;
            }
            return q.isConventional() || c.isConventional() ? 3 : 4;
        }
        int apart = Math.abs(q.year() - c.year());
        return apart == 1 ? NEIGHBOURING_YEAR : apart <= NEAR_YEARS ? YEARS_APART : DIFFERENT;
    }
}
