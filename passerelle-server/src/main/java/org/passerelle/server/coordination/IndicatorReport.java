package org.passerelle.server.coordination;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.passerelle.server.shared.SharedIndicators.Indicator;
import org.passerelle.server.shared.SharedIndicators.Unit;

/** Every module's shared indicators for a period, in the modules' fixed order: the same on both nodes. */
public record IndicatorReport(YearMonth from, YearMonth to, List<Indicator> indicators) {

    /** The months of the period, oldest first, as {@code YYYY-MM}. */
    public List<String> months() {
        return java.util.stream.Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1))
                .map(YearMonth::toString).toList();
    }

    /** The indicator of {@code key}, or null when no module publishes it. */
    public Indicator indicator(String key) {
        return indicators.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }

    /** A value as pages, packs and CSV print it: a count as an integer, days to a tenth; a dash for no value. */
    public static String format(Number value, Unit unit) {
        if (value == null) {
            return "—";
        }
        return unit == Unit.DAYS ? String.format(Locale.ROOT, "%.1f", value.doubleValue())
                : Long.toString(value.longValue());
    }
}
