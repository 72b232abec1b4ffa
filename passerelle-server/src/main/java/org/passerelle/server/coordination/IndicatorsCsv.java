package org.passerelle.server.coordination;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.passerelle.csv.CsvWriter;
import org.passerelle.server.shared.SharedIndicators.Indicator;

/**
 * The shared indicators as CSV (RFC 4180), one row per value: {@code indicator, unit, dimension, key, value}, the
 * period's total first, then each month, then each breakdown. The same file on both nodes for the same threads.
 */
public final class IndicatorsCsv {

    private IndicatorsCsv() {
    }

    /** {@code indicators-2026-01-2026-12.csv}, in the page and the API alike. */
    public static String fileName(IndicatorReport report) {
        return "indicators-" + report.from() + "-" + report.to() + ".csv";
    }

    public static String of(IndicatorReport report) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text)) {
            csv.row("indicator", "unit", "dimension", "key", "value");
            for (Indicator indicator : report.indicators()) {
                String unit = indicator.unit().name().toLowerCase(java.util.Locale.ROOT);
                csv.row(indicator.key(), unit, "total", "",
                        indicator.total() == null ? "" : IndicatorReport.format(indicator.total(), indicator.unit()));
                for (String month : report.months()) {
                    Number value = indicator.byMonth().get(month);
                    csv.row(indicator.key(), unit, "month", month,
                            value == null ? "" : IndicatorReport.format(value, indicator.unit()));
                }
                for (Map.Entry<String, java.util.SortedMap<String, Number>> breakdown : indicator.breakdowns()
                        .entrySet()) {
                    for (Map.Entry<String, Number> value : breakdown.getValue().entrySet()) {
                        csv.row(indicator.key(), unit, breakdown.getKey(), value.getKey(),
                                IndicatorReport.format(value.getValue(), indicator.unit()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
