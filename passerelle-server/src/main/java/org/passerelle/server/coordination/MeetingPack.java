package org.passerelle.server.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.SharedIndicators.Indicator;
import org.passerelle.server.shared.SharedIndicators.Unit;
import org.passerelle.server.web.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * The pack a meeting is prepared with, as a PDF in Arabic (right to left) or French: the meeting, its participants
 * and agenda, the decisions to take, the indicators since the last meeting of the same kind drawn as bars, the open
 * and overdue action items, and where the minutes stand ({@code documents/meeting-pack.jte}).
 */
@Component
public class MeetingPack {

    /** The funnel drawn first: a request's way from filing to removal. */
    static final List<String> FUNNEL = List.of("readmission.requests", "readmission.answered",
            "readmission.identified", "readmission.laissez-passers", "readmission.removed");
    /** The indicators whose months are drawn as bars. */
    static final List<String> MONTHLY = List.of("readmission.requests", "readmission.removed");

    private final PdfDocuments pdf;
    private final Messages messages;
    private final PartyDirectory parties;

    MeetingPack(PdfDocuments pdf, Messages messages, PartyDirectory parties) {
        this.pdf = pdf;
        this.messages = messages;
        this.parties = parties;
    }

    /** What goes into a pack. */
    record Contents(MeetingState meeting, IndicatorReport indicators, List<ActionItem> pendingActions,
            LocalDate today) {
    }

    /** One bar of a chart: its label, value as printed, and length as a share of the longest. */
    public record Bar(String label, String value, int percent) {
    }

    /** The pack ready to print: every text in the pack's language. */
    public record Sheet(Language language, Messages messages, Map<String, String> parties, MeetingState meeting,
            List<MeetingState.Decision> decisions, List<String> decisionsToTake, IndicatorReport indicators,
            List<Bar> funnel, List<Chart> monthly, List<ActionItem> pendingActions, LocalDate today) {

        public String t(String key, Object... arguments) {
            return messages.get(language, key, arguments);
        }

        /** The party's name in the pack's language (its code when unknown). */
        public String partyName(String code) {
            return parties.getOrDefault(code, code);
        }

        public String partyNames() {
            return meeting.parties().stream().map(this::partyName).collect(Collectors.joining(" — "));
        }

        public String value(Indicator indicator) {
            return IndicatorReport.format(indicator.total(), indicator.unit());
        }
    }

    /** Bars of one indicator by month. */
    public record Chart(String title, List<Bar> bars) {
    }

    byte[] render(Contents contents, String languageTag) {
        Language language = Language.of(languageTag).orElse(Language.FR);
        MeetingState meeting = contents.meeting();
        List<String> taken = meeting.decisions().stream().map(MeetingState.Decision::agendaItem)
                .filter(Objects::nonNull).toList();
        List<String> toTake = meeting.agenda().stream().filter(a -> a.item().forDecision())
                .map(a -> a.item().title()).filter(title -> !taken.contains(title)).toList();
        List<Bar> funnel = bars(FUNNEL.stream().map(key -> contents.indicators().indicator(key)).filter(Objects::nonNull)
                .map(i -> new Labelled(messages.get(language, "indicator." + i.key()), i.total(), i.unit()))
                .toList());
        List<Chart> monthly = MONTHLY.stream().map(key -> contents.indicators().indicator(key)).filter(Objects::nonNull)
                .map(i -> new Chart(messages.get(language, "indicator." + i.key()),
                        bars(contents.indicators().months().stream()
                                .map(m -> new Labelled(m, i.byMonth().getOrDefault(m, 0), i.unit())).toList())))
                .toList();
        Map<String, String> names = new java.util.HashMap<>();
        names.put(parties.self().code(), parties.self().name(language.locale()));
        parties.peers().forEach(peer -> names.put(peer.party().code(), peer.party().name(language.locale())));
        Sheet sheet = new Sheet(language, messages, Map.copyOf(names), meeting, meeting.decisions(), toTake,
                contents.indicators(), funnel, monthly, contents.pendingActions(), contents.today());
        return pdf.render("documents/meeting-pack.jte", sheet, language.rightToLeft());
    }

    private record Labelled(String label, Number value, Unit unit) {
    }

    private static List<Bar> bars(List<Labelled> values) {
        double max = values.stream().map(Labelled::value).filter(Objects::nonNull).mapToDouble(Number::doubleValue)
                .max().orElse(0);
        return values.stream().map(v -> new Bar(v.label(), IndicatorReport.format(v.value(), v.unit()),
                max <= 0 || v.value() == null ? 0 : (int) Math.round(100 * v.value().doubleValue() / max))).toList();
    }
}
