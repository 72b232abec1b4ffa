package org.passerelle.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A possibly partial birth date: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
 *
 * @param month 1–12, or 0 when unknown
 * @param day   1–31, or 0 when unknown
 */
public record BirthDate(int year, int month, int day) {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public BirthDate {
        if (year < 1000 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31 || month == 0 && day != 0) {
            throw new IllegalArgumentException("not a birth date: " + year + "-" + month + "-" + day);
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
            }
        }
    }

    /** Reads one date in one of the three forms. */
    public static BirthDate parse(String text) {
        String value = text.strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("birth date must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + text + "'");
        }
        String[] parts = value.split("-");
        return new BirthDate(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    /** Reads the CSV column: several dates separated by {@code |}, or nothing. */
    public static List<BirthDate> parseAll(String column) {
        List<BirthDate> dates = new ArrayList<>();
        for (String part : column.split("\\|")) {
            if (!part.isBlank()) {
                dates.add(parse(part));
            }
        }
        return dates;
    }

    /**
     * True for the conventional date given to people who do not know theirs: 1 January, or a year alone. It says
     * only the year, whatever the day and month look like.
     */
    public boolean isConventional() {
        return month == 0 || month == 1 && day == 1;
    }

    @Override
    public String toString() {
        if (month == 0) {
            return "%04d".formatted(year);
        }
        return day == 0 ? "%04d-%02d".formatted(year, month) : "%04d-%02d-%02d".formatted(year, month, day);
    }
}
