package org.passerelle.server.intel;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.shared.SharedIndicators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The information exchange's figures for the joint group, from the requests' threads (so both nodes give the same):
 * requests opened each month, those answered, and those answered by their due time — the agreement's deadline kept.
 */
@Component
class InformationRequestIndicators implements SharedIndicators {

    private record Figure(String key, Predicate<InformationRequestState> counts) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("intel.requests", s -> true),
            new Figure("intel.answered", s -> s.status() == RequestStatus.ANSWERED),
            new Figure("intel.answered-in-time", s -> s.status() == RequestStatus.ANSWERED && s.closedAt() != null
                    && !s.closedAt().isAfter(s.dueAt())));

    private final InformationRequestStore store;
    private final Exchange exchange;
    private final AgreementProfile profile;

    InformationRequestIndicators(InformationRequestStore store, Exchange exchange, AgreementProfile profile) {
        this.store = store;
        this.exchange = exchange;
        this.profile = profile;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Indicator> indicators(YearMonth from, YearMonth to) {
        List<InformationRequestState> states = store.openedBetween(
                        from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).stream()
                .map(id -> InformationRequestState.of(exchange.thread(id), profile)).toList();
        List<Indicator> indicators = new ArrayList<>();
        for (Figure figure : FIGURES) {
            SortedMap<String, Number> byMonth = new TreeMap<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                byMonth.put(month.toString(), 0L);
            }
            states.stream().filter(figure.counts()).forEach(s -> byMonth.merge(
                    YearMonth.from(s.openedAt().atOffset(ZoneOffset.UTC)).toString(), 1L,
                    (a, b) -> a.longValue() + b.longValue()));
            indicators.add(new Indicator(figure.key(), Unit.COUNT, states.stream().filter(figure.counts()).count(),
                    byMonth, new TreeMap<>(), null));
        }
        return indicators;
    }
}
