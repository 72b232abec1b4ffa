package org.passerelle.server.coordination.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.coordination.IndicatorReport;
import org.passerelle.server.coordination.MeetingState;
import org.passerelle.server.coordination.MeetingType;
import org.passerelle.server.coordination.NewDecision;
import org.passerelle.server.coordination.NewMeeting;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.Downloads;
import org.passerelle.server.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The joint group's pages: meetings (calling one, its agenda, minutes and their approval by each co-chair, decisions,
 * the pack), action items with their progress, the shared indicators as charts and CSV, the register of agreements.
 */
@Controller
@PreAuthorize("hasAnyRole('JOINT_GROUP_SECRETARIAT', 'JOINT_GROUP_CO_CHAIR')")
class CoordinationPages {

    private final Coordination coordination;

    CoordinationPages(Coordination coordination) {
        this.coordination = coordination;
    }

    @GetMapping("/coordination")
    String meetings(Viewer viewer, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("meetings", coordination.meetings(viewer, page, Page.DEFAULT_SIZE));
        model.addAttribute("upcoming", coordination.upcoming(viewer, 3));
        model.addAttribute("overdue", coordination.overdueActionItems(viewer));
        return "coordination/meetings";
    }

    @GetMapping("/coordination/meetings/new")
    String newMeeting(Model model) {
        return meetingForm(model, Map.of(), List.of());
    }

    @PostMapping("/coordination/meetings")
    String callMeeting(Viewer viewer, @RequestParam Map<String, String> form, Model model) {
        NewMeeting meeting = new NewMeeting(form.get("type"), form.get("title"), form.get("date"), form.get("place"),
                participants(form.getOrDefault("participants", "")),
                agenda(form.getOrDefault("agendaInformation", ""), form.getOrDefault("agendaDecisions", "")));
        try {
            return "redirect:/coordination/meetings/" + coordination.callMeeting(viewer, meeting);
        } catch (InvalidInputException e) {
            // The API's "agenda" is typed in two boxes here; its errors go to the first.
            return meetingForm(model, form, FormErrors.of(e).stream().map(error -> error.field().equals("agenda")
                    ? new FormErrors.Error("agendaInformation", error.messageKey()) : error).toList());
        }
    }

    private static String meetingForm(Model model, Map<String, String> form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("types", List.of(MeetingType.values()));
        model.addAttribute("errors", errors);
        return "coordination/new";
    }

    /** "FR | Name | Function", one participant a line. */
    static List<NewMeeting.Participant> participants(String text) {
        return lines(text).map(line -> {
            String[] parts = line.split("\\|", 3);
            return new NewMeeting.Participant(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "",
                    parts.length > 2 ? parts[2].strip() : null);
        }).toList();
    }

    static List<NewMeeting.AgendaItem> agenda(String information, String decisions) {
        List<NewMeeting.AgendaItem> items = new ArrayList<>();
        lines(information).forEach(title -> items.add(new NewMeeting.AgendaItem(title, "information")));
        lines(decisions).forEach(title -> items.add(new NewMeeting.AgendaItem(title, "decision")));
        return items;
    }

    private static java.util.stream.Stream<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty());
    }

    @GetMapping("/coordination/meetings/{caseId}")
    String meeting(Viewer viewer, @PathVariable String caseId, Model model) {
        return meetingView(viewer, caseId, model, Map.of(), List.of());
    }

    private String meetingView(Viewer viewer, String caseId, Model model, Map<String, String> form,
            List<FormErrors.Error> errors) {
        MeetingState meeting = coordination.meeting(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("meeting", meeting);
        model.addAttribute("today", coordination.today());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "coordination/meeting";
    }

    /** Every step on a meeting, each a form of its own; errors come back on the meeting's page, the typing kept. */
    @PostMapping("/coordination/meetings/{caseId}/{step}")
    String step(Viewer viewer, @PathVariable String caseId, @PathVariable String step,
            @RequestParam Map<String, String> form, Model model) {
        Consumer<Viewer> action = switch (step) {
            case "agenda" -> v -> coordination.addAgendaItem(v, caseId, form.get("agendaTitle"), form.get("purpose"));
            case "minutes" -> v -> coordination.proposeMinutes(v, caseId, form.get("minutesFr"), form.get("minutesAr"));
            case "approval" -> v -> coordination.approveMinutes(v, caseId, form.get("coChair"));
            case "decisions" -> v -> coordination.recordDecision(v, caseId, new NewDecision(form.get("text"),
                    form.get("agendaItem"), form.get("ownerParty"), form.get("office"), form.get("due"),
                    lines(form.getOrDefault("links", "")).toList()));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        try {
            action.accept(viewer);
            return "redirect:/coordination/meetings/" + caseId;
        } catch (InvalidInputException e) {
            return meetingView(viewer, caseId, model, form, FormErrors.of(e));
        } catch (RefusedException e) {
            return meetingView(viewer, caseId, model, form, FormErrors.of(e));
        }
    }

    @GetMapping("/coordination/meetings/{caseId}/pack.pdf")
    ResponseEntity<byte[]> pack(Viewer viewer, @PathVariable String caseId,
            @RequestParam(defaultValue = "fr") String lang) {
        return Downloads.pdf(coordination.pack(viewer, caseId, lang), "meeting-pack-" + lang + ".pdf");
    }

    @GetMapping("/coordination/action-items")
    String actionItems(Viewer viewer, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "1") int page, Model model) {
        return actionItemsView(viewer, overdue, page, model, "", List.of());
    }

    private String actionItemsView(Viewer viewer, boolean overdue, int page, Model model, String failedItem,
            List<FormErrors.Error> errors) {
        model.addAttribute("items", coordination.actionItems(viewer, overdue, page, Page.DEFAULT_SIZE));
        model.addAttribute("overdueOnly", overdue);
        model.addAttribute("overdueCount", coordination.overdueActionItems(viewer));
        model.addAttribute("today", coordination.today());
        model.addAttribute("failedItem", failedItem);
        model.addAttribute("errors", errors);
        return "coordination/action-items";
    }

    @PostMapping("/coordination/action-items/{decisionId}/progress")
    String progress(Viewer viewer, @PathVariable String decisionId, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "false") boolean overdue,
            Model model) {
        try {
            coordination.reportProgress(viewer, decisionId, status, note);
            return "redirect:/coordination/action-items" + (overdue ? "?overdue=true" : "");
        } catch (InvalidInputException e) {
            return actionItemsView(viewer, overdue, 1, model, decisionId, FormErrors.of(e).stream()
                    .map(error -> new FormErrors.Error(error.field() + "-" + decisionId, error.messageKey())).toList());
        }
    }

    @GetMapping("/coordination/agreements")
    String agreements(Viewer viewer, Model model) {
        model.addAttribute("agreements", coordination.agreements(viewer));
        IndicatorReport report = coordination.indicators(viewer, coordination.defaultFrom(), coordination.thisMonth());
        model.addAttribute("report", report);
        return "coordination/agreements";
    }
}
