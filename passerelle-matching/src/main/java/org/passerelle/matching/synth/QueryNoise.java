package org.passerelle.matching.synth;

import java.util.List;
import java.util.Random;

import org.passerelle.matching.BirthDate;

/**
 * What a French-side query gives besides the names, and how its birth date goes wrong. The names are written down
 * with the same noise under every profile (other Latin spellings, either order, dropped parts, typos, aliases).
 */
public enum QueryNoise {
    /**
     * The default, harsher than issue 4's list on purpose: a father's name in 60 % of the queries, a mother's in 50 %,
     * no place in 15 %; half the dates right, a quarter the conventional 1 January, the rest a year alone, day and
     * month swapped, a neighbouring year, two candidate dates, or nothing.
     */
    HARSH(0.15, 0.6, 0.5),
    /**
     * What a prefecture's request for a laissez-passer carries (DOMAIN.md: names and aliases, date and place of birth,
     * sex, parents' names), noisy as issue 4 lists: every field given, the parents' names in any Latin spelling and
     * with typos, the place in French; 60 % of the dates right, 25 % the conventional 1 January of the year, 10 % the
     * year alone, 5 % day and month swapped.
     */
    REQUEST(0, 1, 1);

    final double placeMissing;
    final double fatherGiven;
    final double motherGiven;

    QueryNoise(double placeMissing, double fatherGiven, double motherGiven) {
        this.placeMissing = placeMissing;
        this.fatherGiven = fatherGiven;
        this.motherGiven = motherGiven;
    }

    List<BirthDate> dates(BirthDate truth, Random random) {
        double kind = random.nextDouble();
        BirthDate conventional = new BirthDate(truth.year(), 1, 1);
        BirthDate yearAlone = new BirthDate(truth.year(), 0, 0);
        BirthDate swapped = truth.day() <= 12 ? new BirthDate(truth.year(), truth.day(), truth.month()) : truth;
        return switch (this) {
            case HARSH -> {
                BirthDate otherYear = new BirthDate(truth.year() + (random.nextBoolean() ? 1 : -1), 0, 0);
                if (kind < 0.50) {
                    yield List.of(truth);
                } else if (kind < 0.75) {
                    yield List.of(conventional);
                } else if (kind < 0.83) {
                    yield List.of(yearAlone);
                } else if (kind < 0.88 && truth.day() <= 12) {
                    yield List.of(swapped);
                } else if (kind < 0.92) {
                    yield List.of(new BirthDate(otherYear.year(), 1, 1));
                } else if (kind < 0.98) {
                    yield List.of(otherYear, conventional);
                }
                yield List.of();
            }
            case REQUEST -> List.of(kind < 0.60 ? truth : kind < 0.85 ? conventional : kind < 0.95 ? yearAlone : swapped);
        };
    }
}
