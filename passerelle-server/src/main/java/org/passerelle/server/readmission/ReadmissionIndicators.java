package org.passerelle.server.readmission;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.passerelle.server.shared.SharedIndicators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readmission's figures for the joint group: the funnel (requests, answered, identified, laissez-passers, removals),
 * the median days of each step, the laissez-passers delivered before the detention ended and the late answers, by
 * month of filing, prefecture and consulate. They are {@link ReadmissionStatistics} of the same cases, so the joint
 * group and the readmission pages never disagree.
 */
@Component
class ReadmissionIndicators implements SharedIndicators {

    private record Figure(String key, Unit unit, Function<ReadmissionStatistics.Figures, Number> value,
            String casesHref) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("readmission.requests", Unit.COUNT, ReadmissionStatistics.Figures::requests, "/readmission"),
            new Figure("readmission.answered", Unit.COUNT, ReadmissionStatistics.Figures::answered, null),
            new Figure("readmission.identified", Unit.COUNT, ReadmissionStatistics.Figures::identified,
                    "/readmission?status=identified"),
            new Figure("readmission.laissez-passers", Unit.COUNT, ReadmissionStatistics.Figures::laissezPassers,
                    "/readmission?status=laissez-passer-issued"),
            new Figure("readmission.removed", Unit.COUNT, ReadmissionStatistics.Figures::removed,
                    "/readmission?status=removed"),
            new Figure("readmission.laissez-passers-before-detention-end", Unit.COUNT,
                    ReadmissionStatistics.Figures::laissezPassersBeforeDetentionEnd, null),
            new Figure("readmission.answered-late", Unit.COUNT, f -> f.answered() - f.answeredInTime(), null),
            new Figure("readmission.unanswered", Unit.COUNT, ReadmissionStatistics.Figures::unanswered,
                    "/readmission?list=overdue"),
            new Figure("readmission.days-to-answer", Unit.DAYS, ReadmissionStatistics.Figures::medianDaysToAnswer, null),
            new Figure("readmission.days-to-laissez-passer", Unit.DAYS,
                    ReadmissionStatistics.Figures::medianDaysToLaissezPasser, null),
            new Figure("readmission.days-to-removal", Unit.DAYS, ReadmissionStatistics.Figures::medianDaysToRemoval,
                    null));

    private final ReadmissionStore store;

    ReadmissionIndicators(ReadmissionStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Indicator> indicators(YearMonth from, YearMonth to) {
        ReadmissionStatistics.Report report = ReadmissionStatistics.of(store.statisticsCases(
                ReadmissionStatistics.start(from), ReadmissionStatistics.start(to.plusMonths(1))), from, to);
        List<Indicator> indicators = new ArrayList<>();
        for (Figure figure : FIGURES) {
            SortedMap<String, SortedMap<String, Number>> breakdowns = new TreeMap<>();
            breakdowns.put("prefecture", values(report.byPrefecture(), figure));
            breakdowns.put("consulate", values(report.byConsulate(), figure));
            indicators.add(new Indicator(figure.key(), figure.unit(), figure.value().apply(report.total()),
                    values(report.byMonth(), figure), breakdowns, figure.casesHref()));
        }
        return indicators;
    }

    private static SortedMap<String, Number> values(List<ReadmissionStatistics.Figures> groups, Figure figure) {
        SortedMap<String, Number> values = new TreeMap<>();
        for (ReadmissionStatistics.Figures group : groups) {
            Number value = figure.value().apply(group);
            if (value != null) {
                values.put(group.key(), value);
            }
        }
        return values;
    }
}
