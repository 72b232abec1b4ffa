package org.passerelle.server.minors;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.passerelle.server.shared.SharedIndicators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minors' figures both parties publish, a pure function of the cases' rows (themselves computed from the threads):
 * cases recorded in each month, identified, families traced, determinations by outcome, returns, children staying in
 * France, follow-up visits reported on time. They are also the minors' indicators for the joint group.
 */
@Component
public class MinorsStatistics implements SharedIndicators {

    private record Figure(String key, ToLongFunction<List<MinorSummary>> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("minors.cases", List::size),
            new Figure("minors.identified", count(MinorSummary::identified)),
            new Figure("minors.traced", count(MinorSummary::traced)),
            new Figure("minors.return-to-family", count(c -> "return-to-family".equals(c.decision()))),
            new Figure("minors.return-to-centre", count(c -> "return-to-centre".equals(c.decision()))),
            new Figure("minors.stay-in-france", count(c -> "stay-in-france".equals(c.decision()))),
            new Figure("minors.returned", count(c -> c.status() == MinorStatus.RETURNED)),
            new Figure("minors.visits-on-time", cases -> cases.stream().mapToLong(MinorSummary::visitsOnTime).sum()));

    private final MinorsStore store;

    MinorsStatistics(MinorsStore store) {
        this.store = store;
    }

    private static ToLongFunction<List<MinorSummary>> count(Predicate<MinorSummary> which) {
        return cases -> cases.stream().filter(which).count();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Indicator> indicators(YearMonth from, YearMonth to) {
        return of(store.openedBetween(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)), from, to);
    }

    /** The figures of {@code cases}, by month of recording, over the months from {@code from} to {@code to}. */
    static List<Indicator> of(Collection<MinorSummary> cases, YearMonth from, YearMonth to) {
        SortedMap<String, List<MinorSummary>> byMonth = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            byMonth.put(month.toString(), new ArrayList<>());
        }
        cases.forEach(c -> byMonth.computeIfPresent(YearMonth.from(c.openedAt().atOffset(ZoneOffset.UTC)).toString(),
                (month, list) -> {
                    list.add(c);
                    return list;
                }));
        List<MinorSummary> all = byMonth.values().stream().flatMap(List::stream).toList();
        List<Indicator> indicators = new ArrayList<>();
        for (Figure figure : FIGURES) {
            SortedMap<String, Number> months = new TreeMap<>();
            byMonth.forEach((month, list) -> months.put(month, figure.value().applyAsLong(list)));
            indicators.add(new Indicator(figure.key(), Unit.COUNT, figure.value().applyAsLong(all), months,
                    new TreeMap<>(), null));
        }
        return indicators;
    }

    /** The follow-up visits of a case reported no later than their month's due date and its grace. */
    static int visitsOnTime(MinorState state) {
        LocalDate returned = state.returnedOn();
        if (returned == null) {
            return 0;
        }
        return (int) state.visits().values().stream().filter(v -> !v.date().isAfter(
                returned.plusMonths(Long.parseLong(v.month())).plusDays(MinorState.VISIT_GRACE_DAYS))).count();
    }
}
