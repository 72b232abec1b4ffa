package org.passerelle.server.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.coordination.NewDecision;
import org.passerelle.server.coordination.NewMeeting;
import org.passerelle.server.shared.Viewer;

/**
 * The joint group's demo: six past plenaries held every two months, their minutes approved by both co-chairs and their
 * decisions' action items in every state (done, in progress, open, overdue, dropped), and a next plenary to prepare.
 * Exchanged for real between the two running demo nodes.
 */
final class DemoCoordination {

    /** The two sides of the group on each node: who prepares meetings, and who approves the minutes. */
    record Side(Coordination coordination, Viewer secretariat, Viewer coChair, String coChairName) {
    }

    private static final List<String> THEMES = List.of("Identification et laissez-passer consulaires",
            "Mineurs non accompagnés", "Lutte contre les réseaux de passeurs", "Mobilité régulière et saisonniers",
            "Mission conjointe d'identification", "Référentiel statistique commun");

    private final Side france;
    private final Side morocco;
    private final Clock clock;

    DemoCoordination(Side france, Side morocco, Clock clock) {
        this.france = france;
        this.morocco = morocco;
        this.clock = clock;
    }

    /** Seeds the meetings once: a demo folder that already holds meetings is left as it is. */
    void seedOnce() {
        if (france.coordination().meetings(france.secretariat(), 1, 1).total() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int held = 6; held >= 1; held--) {
            LocalDate date = today.minusMonths(2L * held).withDayOfMonth(12);
            Side host = held % 2 == 0 ? france : morocco;
            Side guest = host == france ? morocco : france;
            String theme = THEMES.get(6 - held);
            String id = host.coordination().callMeeting(host.secretariat(), plenary(
                    "Plénière du groupe mixte — " + theme, date, host == france ? "Paris, place Beauvau" : "Rabat",
                    theme));
            arrived(guest, id);
            String done = host.coordination().recordDecision(host.secretariat(), id, new NewDecision(
                    "Adopter la feuille de route « " + theme + " »", theme, "FR", "DGEF — Direction de l'immigration",
                    date.plusDays(30).toString(), List.of()));
            String open = guest.coordination().recordDecision(guest.secretariat(), id, new NewDecision(
                    "Transmettre les chiffres consolidés du trimestre", null, "MA", "DGSN — Identification",
                    date.plusDays(held == 1 ? 75 : 45).toString(), List.of("readmission.requests")));
            host.coordination().reportProgress(host.secretariat(), done, "done", "Feuille de route adoptée.");
            if (held == 2) {
                guest.coordination().reportProgress(guest.secretariat(), open, "dropped",
                        "Remplacé par le référentiel commun.");
            } else if (held % 2 == 1) {
                guest.coordination().reportProgress(guest.secretariat(), open, "in-progress",
                        "Premiers chiffres transmis, consolidation en cours.");
            }
            host.coordination().proposeMinutes(host.secretariat(), id,
                    "Le groupe a examiné le point « " + theme + " » et adopté les décisions ci-dessous.",
                    "درس الفريق نقطة « " + theme + " » واعتمد القرارات الواردة أدناه.");
            arrived(guest, id);
            until(() -> guest.coordination().meeting(Viewer.node(), id).map(m -> m.minutes() != null).orElse(false));
            host.coordination().approveMinutes(host.coChair(), id, host.coChairName());
            guest.coordination().approveMinutes(guest.coChair(), id, guest.coChairName());
        }
        france.coordination().callMeeting(france.secretariat(), plenary("Plénière du groupe mixte — prochaine session",
                today.plusDays(21), "Paris, place Beauvau", "Bilan de la mission conjointe d'identification"));
    }

    private static NewMeeting plenary(String title, LocalDate date, String place, String decisionItem) {
        return new NewMeeting("plenary", title, date.toString(), place, List.of(
                new NewMeeting.Participant("FR", "Claire Martin", "Directrice de l'immigration, coprésidente"),
                new NewMeeting.Participant("FR", "Julien Roche", "Secrétariat du groupe mixte"),
                new NewMeeting.Participant("MA", "خالد الزموري", "مدير الهجرة ومراقبة الحدود، رئيس مشارك"),
                new NewMeeting.Participant("MA", "Nadia Benjelloun", "Secrétariat du groupe mixte")),
                List.of(new NewMeeting.AgendaItem("Indicateurs partagés depuis la dernière réunion", "information"),
                        new NewMeeting.AgendaItem("Actions en cours", "information"),
                        new NewMeeting.AgendaItem(decisionItem, "decision")));
    }

    private static void arrived(Side side, String meetingId) {
        until(() -> side.coordination().meeting(Viewer.node(), meetingId).isPresent());
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        DemoInformationRequests.until(condition);
    }
}
