package org.passerelle.server.readmission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The readmission figures both parties publish, as one pure function of the cases' states: the same threads give the
 * same figures on either node, whatever order their envelopes arrived in. Every figure counts the requests filed in the
 * period (a cohort), whatever happened to them later, so that "answered in time" and "identified" are shares of the
 * same requests and a month's figures settle as its requests do.
 */
public final class ReadmissionStatistics {

    /** A case as the statistics read it (a row of the view table, itself computed from the thread). */
    public record Case(String prefecture, String consulate, ReadmissionStatus status, Instant openedAt, Instant dueAt,
            Instant answeredAt, ReadmissionStatus answer, LocalDate detentionEnd, Instant firstLaissezPasserAt,
            LocalDate firstLaissezPasserOn, LocalDate outcomeDate, RemovalFailure failureReason) {

        /** What the statistics read of a case's state (the view table keeps the same values). */
        public static Case of(ReadmissionState state) {
            ReadmissionKinds.RequestPayload request = state.request();
            java.util.Optional<ReadmissionState.LaissezPasser> first = state.laissezPassers().stream().findFirst();
            return new Case(request == null ? null : request.prefecture(), request == null ? null : request.consulate(),
                    state.status(), state.openedAt(), state.dueAt(), state.answeredAt(), state.answer(),
                    state.detentionEnd(), first.map(ReadmissionState.LaissezPasser::issuedAt).orElse(null),
                    first.map(ReadmissionState.LaissezPasser::issuedOn).orElse(null), state.outcomeDate(),
                    state.failureReason());
        }
    }

    /**
     * The figures of one group of requests.
     *
     * @param answeredInTime decided (identified or not) within the agreement's reply time
     * @param laissezPassersBeforeDetentionEnd the first laissez-passer issued no later than the detention's last day
     * @param removalsFailed by reason, for cases whose last flight failed and that were not removed since
     * @param medianDaysToAnswer from the request to the consulate's decision (null: no decision yet)
     * @param medianDaysToLaissezPasser from identification to the first laissez-passer
     * @param medianDaysToRemoval from the first laissez-passer to the removal
     */
    public record Figures(String key, long requests, long answered, long answeredInTime, long identified,
            long notIdentified, long unanswered, long laissezPassers, long laissezPassersBeforeDetentionEnd,
            long removed, long removalsFailedTotal, Map<RemovalFailure, Long> removalsFailed, long withdrawn,
            Double medianDaysToAnswer, Double medianDaysToLaissezPasser, Double medianDaysToRemoval) {

        /** A share of the requests, 0 when there are none. */
        public double shareOfRequests(long count) {
            return requests == 0 ? 0 : (double) count / requests;
        }
    }

    /** The period's figures, overall and by month of filing, prefecture and consulate (keys in their natural order). */
    public record Report(YearMonth from, YearMonth to, Figures total, List<Figures> byMonth, List<Figures> byPrefecture,
            List<Figures> byConsulate) {
    }

    private ReadmissionStatistics() {
    }

    /** The first instant of {@code month} and the first of the month after {@code to}, in UTC. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The figures of the cases filed from the first day of {@code from} to the last day of {@code to}. */
    public static Report of(Collection<Case> cases, YearMonth from, YearMonth to) {
        Instant start = start(from);
        Instant end = start(to.plusMonths(1));
        List<Case> period = cases.stream().filter(c -> !c.openedAt().isBefore(start) && c.openedAt().isBefore(end))
                .toList();
        Map<String, List<Case>> byMonth = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            byMonth.put(month.toString(), new ArrayList<>());
        }
        period.forEach(c -> byMonth.get(YearMonth.from(c.openedAt().atOffset(ZoneOffset.UTC)).toString()).add(c));
        return new Report(from, to, figures("total", period), figuresOf(byMonth),
                figuresOf(group(period, Case::prefecture)), figuresOf(group(period, Case::consulate)));
    }

    private static Map<String, List<Case>> group(List<Case> cases, Function<Case, String> key) {
        Map<String, List<Case>> groups = new TreeMap<>();
        cases.forEach(c -> groups.computeIfAbsent(key.apply(c) == null ? "" : key.apply(c), k -> new ArrayList<>())
                .add(c));
        return groups;
    }

    private static List<Figures> figuresOf(Map<String, List<Case>> groups) {
        return groups.entrySet().stream().map(e -> figures(e.getKey(), e.getValue())).toList();
    }

    static Figures figures(String key, List<Case> cases) {
        long answered = 0;
        long inTime = 0;
        long identified = 0;
        long notIdentified = 0;
        long unanswered = 0;
        long laissezPassers = 0;
        long beforeEnd = 0;
        long removed = 0;
        long withdrawn = 0;
        Map<RemovalFailure, Long> failed = new EnumMap<>(RemovalFailure.class);
        List<Double> toAnswer = new ArrayList<>();
        List<Double> toLaissezPasser = new ArrayList<>();
        List<Double> toRemoval = new ArrayList<>();
        for (Case c : cases) {
            if (c.answeredAt() != null) {
                answered++;
                inTime += c.answeredAt().isAfter(c.dueAt()) ? 0 : 1;
                toAnswer.add(days(c.openedAt(), c.answeredAt()));
                if (c.answer() == ReadmissionStatus.IDENTIFIED) {
                    identified++;
                } else {
                    notIdentified++;
                }
            } else if (c.status() != ReadmissionStatus.WITHDRAWN) {
                unanswered++;
            }
            if (c.firstLaissezPasserAt() != null) {
                laissezPassers++;
                beforeEnd += c.detentionEnd() != null && !c.firstLaissezPasserOn().isAfter(c.detentionEnd()) ? 1 : 0;
                if (c.answeredAt() != null && c.answer() == ReadmissionStatus.IDENTIFIED) {
                    toLaissezPasser.add(days(c.answeredAt(), c.firstLaissezPasserAt()));
                }
            }
            if (c.status() == ReadmissionStatus.REMOVED) {
                removed++;
                if (c.firstLaissezPasserOn() != null && c.outcomeDate() != null) {
                    toRemoval.add((double) ChronoUnit.DAYS.between(c.firstLaissezPasserOn(), c.outcomeDate()));
                }
            } else if (c.failureReason() != null) {
                failed.merge(c.failureReason(), 1L, Long::sum);
            }
            withdrawn += c.status() == ReadmissionStatus.WITHDRAWN ? 1 : 0;
        }
        return new Figures(key, cases.size(), answered, inTime, identified, notIdentified, unanswered, laissezPassers,
                beforeEnd, removed, failed.values().stream().mapToLong(Long::longValue).sum(), failed, withdrawn,
                median(toAnswer), median(toLaissezPasser), median(toRemoval));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / (24.0 * 60);
    }

    /** The median, rounded to a tenth of a day so that both nodes print the same figure; null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.round(median * 10) / 10.0;
    }
}
