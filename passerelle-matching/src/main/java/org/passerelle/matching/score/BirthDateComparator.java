package org.passerelle.matching.score;

import java.util.List;

import org.passerelle.matching.BirthDate;

/**
 * Compares birth dates, keeping the best agreement over every pair when a side lists several. Day and month
 * swapped is a classic clerical error between French (day first) and other conventions; a conventional date
 * (1 January, or a year alone) only says the year. A neighbouring year has its own level: an age estimated at
 * the border is most often one year off, which says far more than two years off. It has two, in fact: beside a
 * conventional date, a year off is what an estimated age looks like and is common among true matches; between two
 * dates written in full it is a clerical slip and much rarer.
 */
public final class BirthDateComparator {
    private static final int NEAR_YEARS = 2;
    /**
     * Levels of {@link Field#BIRTH_DATE}, in a fixed order of closeness; where a side lists several dates the closest
     * pair counts. EM may weigh a later level above an earlier one (a conventional date's same year above a same
     * month), which only matters for the rare query with several dates.
     */
    private static final int EXACT = 0;
    private static final int DAY_MONTH_SWAPPED = 1;
    private static final int SAME_MONTH = 2;
    private static final int SAME_YEAR_CONVENTIONAL = 3;
    private static final int SAME_YEAR = 4;
    private static final int NEIGHBOURING_YEAR_OF_ESTIMATE = 5;
    private static final int NEIGHBOURING_YEAR = 6;
    private static final int YEARS_APART = 7;
    private static final int DIFFERENT = 8;

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
            // A conventional date says only its year (two 1 Januaries are not an exact match), and a date equal to
            // one, or one with day and month swapped, is itself conventional: the year is all that can agree.
            if (q.isConventional() || c.isConventional()) {
                return SAME_YEAR_CONVENTIONAL;
            }
            if (bothComplete && q.equals(c)) {
                return EXACT;
            }
            if (bothComplete && q.month() == c.day() && q.day() == c.month()) {
                return DAY_MONTH_SWAPPED;
            }
            return q.month() == c.month() ? SAME_MONTH : SAME_YEAR;
        }
        int apart = Math.abs(q.year() - c.year());
        if (apart == 1) {
            return q.isConventional() || c.isConventional() ? NEIGHBOURING_YEAR_OF_ESTIMATE : NEIGHBOURING_YEAR;
        }
        return apart <= NEAR_YEARS ? YEARS_APART : DIFFERENT;
    }
}
