package org.passerelle.server.readmission;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passerelle.csv.CsvWriter;

/**
 * The statistics as CSV (RFC 4180), one row per group: the period's total, then by month of filing, prefecture and
 * consulate. Columns are the figures' names in snake case; medians in days, empty when there is none.
 */
public final class StatisticsCsv {

    private StatisticsCsv() {
    }

    /** The file's name, the same on both nodes and in the page and the API: {@code readmission-2026-01-2026-12.csv}. */
    public static String fileName(ReadmissionStatistics.Report report) {
        return "readmission-" + report.from() + "-" + report.to() + ".csv";
    }

    public static String of(ReadmissionStatistics.Report report) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text)) {
            List<String> header = new ArrayList<>(List.of("dimension", "key", "requests", "answered",
                    "answered_in_time", "identified", "not_identified", "unanswered", "laissez_passers",
                    "laissez_passers_before_detention_end", "removed", "removals_failed"));
            for (RemovalFailure reason : RemovalFailure.values()) {
                header.add("failed_" + reason.name().toLowerCase(Locale.ROOT));
            }
            header.addAll(List.of("withdrawn", "median_days_to_answer", "median_days_to_laissez_passer",
                    "median_days_to_removal"));
            csv.row(header.toArray(String[]::new));
            row(csv, "total", report.total());
            report.byMonth().forEach(f -> row(csv, "month", f));
            report.byPrefecture().forEach(f -> row(csv, "prefecture", f));
            report.byConsulate().forEach(f -> row(csv, "consulate", f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void row(CsvWriter csv, String dimension, ReadmissionStatistics.Figures f) {
        List<String> cells = new ArrayList<>(List.of(dimension, f.key(), n(f.requests()), n(f.answered()),
                n(f.answeredInTime()), n(f.identified()), n(f.notIdentified()), n(f.unanswered()),
                n(f.laissezPassers()), n(f.laissezPassersBeforeDetentionEnd()), n(f.removed()),
                n(f.removalsFailedTotal())));
        for (RemovalFailure reason : RemovalFailure.values()) {
            cells.add(n(f.removalsFailed().getOrDefault(reason, 0L)));
        }
        cells.addAll(List.of(n(f.withdrawn()), days(f.medianDaysToAnswer()), days(f.medianDaysToLaissezPasser()),
                days(f.medianDaysToRemoval())));
        try {
            csv.row(cells.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String days(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
