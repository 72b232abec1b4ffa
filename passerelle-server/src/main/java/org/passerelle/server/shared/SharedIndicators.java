package org.passerelle.server.shared;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * Figures a module publishes for the joint group, computed from the signed threads both parties hold, so that both
 * nodes give the same numbers. The joint group's pages and meeting pack gather every module's indicators through this
 * interface and read none of their tables; a module that lands adds its figures by implementing it.
 */
public interface SharedIndicators {

    /** How an indicator's values read: a number of cases, or a median number of days. */
    enum Unit { COUNT, DAYS }

    /**
     * One figure over a period.
     *
     * @param key a stable name, {@code module.figure} (its label is the message {@code indicator.<key>})
     * @param total over the whole period (null: no value, e.g. a median of nothing)
     * @param byMonth the value of each month of the period, {@code YYYY-MM}, months without a value left out
     * @param breakdowns the period's value by a dimension ({@code prefecture}, {@code consulate}) and its values
     * @param casesHref where the cases behind the figure are listed, for those allowed to see them (null: nowhere)
     */
    record Indicator(String key, Unit unit, Number total, SortedMap<String, Number> byMonth,
            SortedMap<String, SortedMap<String, Number>> breakdowns, String casesHref) {
    }

    /** The module's indicators for the months from {@code from} to {@code to}, inclusive, in a fixed order. */
    List<Indicator> indicators(YearMonth from, YearMonth to);
}
