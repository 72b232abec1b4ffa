package org.passerelle.server.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.passerelle.server.minors.FamilyTracing;
import org.passerelle.server.minors.MinorState;
import org.passerelle.server.minors.Minors;
import org.passerelle.server.minors.NewMinorCase;
import org.passerelle.server.minors.NewTracingRequest;
import org.passerelle.server.shared.Viewer;

/**
 * The minors' demo: a dozen children recorded in France and exchanged for real with Morocco, left at every stage —
 * awaiting identification, identified, assessed, determined (return to the family, to a centre, stay in France),
 * the judge's decision, a return scheduled, returned with follow-up visits — with places taken in the centres, one
 * family's tracing request confirmed against a reported child and another waiting.
 */
final class DemoMinors {

    private final Minors france;
    private final Minors morocco;
    private final FamilyTracing tracing;
    private final Viewer officer;
    private final Viewer colleague;
    private final Viewer moroccan;
    private final LocalDate today;

    DemoMinors(Minors france, Minors morocco, FamilyTracing tracing, Viewer officer, Viewer colleague,
            Viewer moroccan, Clock clock) {
        this.france = france;
        this.morocco = morocco;
        this.tracing = tracing;
        this.officer = officer;
        this.colleague = colleague;
        this.moroccan = moroccan;
        this.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The children, each with the stage the demo leaves their case at (0: just recorded … 9: returned and visited). */
    private record Child(String latin, String arabic, String sex, String birth, String place, String father,
            String mother, String placement, int stage, String decision) {
    }

    private static final List<Child> CHILDREN = List.of(
            new Child("Youssef El Amrani", "يوسف العمراني", "M", "2010-05", "Tanger", "Mohamed", "Fatima",
                    "ASE de Paris", 9, "return-to-centre"),
            new Child("Amine Tazi", "أمين التازي", "M", "2009", "Fès", "Abdelkader", "Khadija", "ASE du Nord", 8,
                    "return-to-family"),
            new Child("Karim Bennani", "كريم بناني", "M", "2011-02", "Casablanca", "Hassan", "Naima",
                    "ASE de Seine-Saint-Denis", 7, "return-to-centre"),
            new Child("Salma Idrissi", "سلمى الإدريسي", "F", "2010", "Nador", "Rachid", "Zineb", "ASE de Paris", 6,
                    "stay-in-france"),
            new Child("Hamza Ouazzani", "حمزة الوزاني", "M", "2009-11", "Tétouan", "Driss", "Latifa",
                    "ASE des Bouches-du-Rhône", 5, "return-to-family"),
            new Child("Bilal Chraibi", "بلال الشرايبي", "M", "2010-07", "Oujda", "Mustapha", "Hafsa", "ASE du Rhône", 4,
                    "return-to-centre"),
            new Child("Ilyas Berrada", "إلياس برادة", "M", "2011", "Béni Mellal", "Said", "Amina", "ASE de Paris", 3,
                    null),
            new Child("Nour Alaoui", "نور العلوي", "F", "2009-03", "Marrakech", "Abdellah", "Saida", "ASE du Nord", 2,
                    null),
            new Child("Omar Fassi", "عمر الفاسي", "M", "2010-09", "Meknès", "Youssef", "Malika", "ASE de l'Hérault", 1,
                    null),
            new Child("Anas Benjelloun", "أنس بنجلون", "M", "2011-04", "Tanger", "Khalid", "Rkia", "ASE de Paris", 0,
                    null),
            new Child("Ayoub Lahlou", "أيوب لحلو", "M", "2009-06", "Al Hoceïma", "Ahmed", "Fadma",
                    "ASE de Seine-Saint-Denis", 1, null),
            new Child("Mehdi Skalli", "مهدي السقلي", "M", "2010-12", "Nador", "Mohamed", "Yamna", "ASE du Nord", 5,
                    "return-to-centre"));

    /** Seeds the cases once: a demo folder that already holds minors' cases is left as it is. */
    void seedOnce() {
        if (france.list(officer, null, 1, 1).total() > 0) {
            return;
        }
        // A family in Nador whose child no one has reported yet: its request waits, matched against each new report.
        tracing.file(moroccan, new NewTracingRequest(List.of("رضوان البقالي"), "M", "2010", "الناظور",
                "عبد الله البقالي", "حليمة", "الأب، 0662000000", true));
        for (Child child : CHILDREN) {
            String caseId = france.record(officer, new NewMinorCase(List.of(child.latin(), child.arabic()),
                    child.sex(), child.birth(), child.place(), child.father() + " " + surname(child),
                    child.mother(), "combined", "Mineur selon l'évaluation ; le doute lui profite",
                    "Juge des enfants", child.placement(), null, child.stage() == 1 ? "refused" : "given"));
            if (child.stage() == 0) {
                continue;
            }
            arrived(morocco, caseId, s -> true);
            if (child.stage() == 9) {
                // The family in Tangier had asked Morocco to trace him: the officer confirms the engine's proposal.
                String request = tracing.file(moroccan, new NewTracingRequest(List.of(child.arabic()), child.sex(),
                        child.birth().substring(0, 4), "طنجة", "محمد العمراني", "فاطمة", "الأم، 0661000000", true));
                tracing.confirm(moroccan, request, caseId, "Parents joints par téléphone.");
            }
            morocco.identify(moroccan, caseId, "identified", null, "Acte de naissance retrouvé à " + child.place());
            morocco.assessHome(moroccan, caseId, "Famille à " + child.place() + " ; situation évaluée par les services"
                    + " sociaux.", "return-to-family".equals(child.decision()) ? "yes" : "no");
            if (child.stage() == 1) {
                continue;
            }
            arrived(france, caseId, s -> s.identification() != null);
            String assessment = france.assess(officer, caseId, Map.of("heardOn", today.minusDays(20).toString(),
                    "heardBy", "Éducatrice référente", "language", "darija", "interpreter", "Interprète assermenté",
                    "views", "L'enfant a exprimé son souhait.", "family", "Contacts réguliers avec la famille.",
                    "health", "Bonne santé.", "schooling", "Scolarisé ou en formation.",
                    "integration", "Intégration en cours."));
            if (child.stage() == 2) {
                continue;
            }
            france.approve(colleague, caseId, assessment);
            if (child.stage() == 3) {
                continue;
            }
            String determination = france.determine(officer, caseId, today.minusDays(10).toString(),
                    List.of("Responsable ASE", "Psychologue", "Interprète assermenté"), child.decision(),
                    "Décision motivée au regard de l'intérêt supérieur de l'enfant, de ses souhaits et de sa famille.");
            if (child.stage() == 4) {
                continue;
            }
            france.approve(colleague, caseId, determination);
            boolean stay = "stay-in-france".equals(child.decision());
            france.recordJudgeDecision(officer, caseId, today.minusDays(5).toString(), stay ? "stay" : "return",
                    stay ? "Maintien en France et projet de régularisation." : "Le retour est autorisé.");
            if (child.stage() <= 6 || stay) {
                continue;
            }
            if ("return-to-family".equals(child.decision())) {
                morocco.arrangeCare(moroccan, caseId, "family", today.minusDays(3).toString(), null,
                        "La famille s'engage à accueillir l'enfant.");
            } else {
                morocco.arrangeCare(moroccan, caseId, "centre", null, child.place().equals("Nador") ? "NDR-1"
                        : "TNG-1", "Place réservée, formation qualifiante.");
            }
            morocco.planFollowUp(moroccan, caseId, "Entraide nationale, " + child.place());
            if (child.stage() == 7) {
                continue;
            }
            arrived(france, caseId, s -> s.missingForReturn().isEmpty());
            france.scheduleReturn(officer, caseId, today.plusDays(child.stage() == 8 ? 12 : 0).toString());
            if (child.stage() == 9) {
                france.recordReturned(officer, caseId, today.toString());
                arrived(morocco, caseId, s -> s.returnedOn() != null);
                morocco.reportVisit(moroccan, caseId, "1", today.toString(), "L'enfant suit sa formation.");
            }
        }
    }

    private static String surname(Child child) {
        return child.latin().substring(child.latin().indexOf(' ') + 1);
    }

    private static void arrived(Minors node, String caseId, java.util.function.Predicate<MinorState> condition) {
        DemoInformationRequests.until(() -> node.read(Viewer.node(), caseId).map(condition::test).orElse(false));
    }
}
