package org.passerelle.server.minors.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.passerelle.server.minors.FamilyTracing;
import org.passerelle.server.minors.MinorState;
import org.passerelle.server.minors.Minors;
import org.passerelle.server.minors.NewMinorCase;
import org.passerelle.server.minors.NewTracingRequest;
import org.passerelle.server.minors.ReturnBlockedException;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The child-protection officers' pages: the cases, a new record (France), a case with its best-interests procedure and
 * the steps this side may take, a return refused with each missing safeguard named, and Morocco's centres.
 */
@Controller
@PreAuthorize("hasRole('CHILD_PROTECTION_OFFICER')")
class MinorsPages {

    private final Minors minors;
    private final FamilyTracing tracing;

    MinorsPages(Minors minors, FamilyTracing tracing) {
        this.minors = minors;
        this.tracing = tracing;
    }

    /** Where a user's choice to hide children's names on screen is kept, for the session. */
    private static final String HIDE_NAMES = "minors.hideNames";

    /** Hides or shows children's names on screen (initials only), for the rest of the session. */
    @PostMapping("/minors/hidden-names")
    String hideNames(@RequestParam(defaultValue = "false") boolean hide,
            @RequestParam(defaultValue = "/minors") String back, jakarta.servlet.http.HttpSession session) {
        session.setAttribute(HIDE_NAMES, hide);
        return "redirect:" + (back.startsWith("/minors") ? back : "/minors");
    }

    private static boolean namesHidden(jakarta.servlet.http.HttpSession session) {
        return Boolean.TRUE.equals(session.getAttribute(HIDE_NAMES));
    }

    /** The cases by reference, each with a link to its access log, for the data-protection officer. */
    @GetMapping("/minors/access")
    @PreAuthorize("hasRole('AUDITOR')")
    String accessLogs(Viewer viewer, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("cases", minors.casesForAudit(viewer, page, Page.DEFAULT_SIZE));
        return "minors/access";
    }

    @GetMapping("/minors")
    String list(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
            Model model, jakarta.servlet.http.HttpSession session) {
        model.addAttribute("hideNames", namesHidden(session));
        model.addAttribute("cases", minors.list(viewer, q, page, Page.DEFAULT_SIZE));
        model.addAttribute("query", q);
        model.addAttribute("recording", minors.properties().recordingParty());
        return "minors/list";
    }

    @GetMapping("/minors/cases/new")
    String newCase(Model model) {
        return form(model, Map.of(), List.of());
    }

    @PostMapping("/minors/cases")
    String record(Viewer viewer, @RequestParam Map<String, String> form, Model model) {
        try {
            return "redirect:/minors/cases/" + minors.record(viewer, new NewMinorCase(
                    lines(form.getOrDefault("names", "")), form.get("sex"), form.get("birthDate"),
                    form.get("birthPlace"), form.get("fatherName"), form.get("motherName"), form.get("ageMethod"),
                    form.get("ageConclusion"), form.get("judge"), form.get("placement"), form.get("guardian"),
                    form.get("tracingConsent")));
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e));
        }
    }

    private static String form(Model model, Map<String, String> form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "minors/new";
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @GetMapping("/minors/cases/{caseId}")
    String read(Viewer viewer, @PathVariable String caseId, Model model, jakarta.servlet.http.HttpSession session) {
        model.addAttribute("hideNames", namesHidden(session));
        return caseView(viewer, caseId, model, Map.of(), List.of());
    }

    private String caseView(Viewer viewer, String caseId, Model model, Map<String, String> form,
            List<FormErrors.Error> errors) {
        MinorState state = minors.read(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("state", state);
        model.addAttribute("today", minors.today());
        model.addAttribute("recordingSide", recordingSide(viewer));
        model.addAttribute("centres", minors.centres(viewer));
        model.addAttribute("tracingMatches", recordingSide(viewer) ? List.of() : tracing.requestsFor(viewer, caseId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "minors/case";
    }

    /** Every step of a case, each a form of its own; errors come back on the case page, the typing kept. */
    @PostMapping("/minors/cases/{caseId}/{step}")
    String step(Viewer viewer, @PathVariable String caseId, @PathVariable String step,
            @RequestParam Map<String, String> form, Model model, jakarta.servlet.http.HttpSession session) {
        model.addAttribute("hideNames", namesHidden(session));
        Consumer<Viewer> action = switch (step) {
            case "identification" -> v -> minors.identify(v, caseId, form.get("outcome"), form.get("personId"),
                    form.get("note"));
            case "home-assessment" -> v -> minors.assessHome(v, caseId, form.get("situation"),
                    form.get("familyWilling"));
            case "care-arrangement" -> v -> minors.arrangeCare(v, caseId, form.get("kind"),
                    form.get("familyAcceptedOn"), form.get("centre"), form.get("note"));
            case "follow-up-plan" -> v -> minors.planFollowUp(v, caseId, form.get("office"));
            case "visit" -> v -> minors.reportVisit(v, caseId, form.get("month"), form.get("visitDate"),
                    form.get("visitNote"));
            case "assessment" -> v -> minors.assess(v, caseId, form);
            case "determination" -> v -> minors.determine(v, caseId, form.get("determinationDate"),
                    lines(form.getOrDefault("panel", "")), form.get("decision"), form.get("reasons"));
            case "approval" -> v -> minors.approve(v, caseId, form.get("step"));
            case "judge-decision" -> v -> minors.recordJudgeDecision(v, caseId, form.get("judgeDate"),
                    form.get("authorises"), form.get("judgeText"));
            case "return" -> v -> minors.scheduleReturn(v, caseId, form.get("returnDate"));
            case "returned" -> v -> minors.recordReturned(v, caseId, form.get("returnedOn"));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        try {
            action.accept(viewer);
            return "redirect:/minors/cases/" + caseId;
        } catch (InvalidInputException e) {
            return caseView(viewer, caseId, model, form, FormErrors.of(e));
        } catch (ReturnBlockedException e) {
            return caseView(viewer, caseId, model, form, e.missing().stream()
                    .map(code -> new FormErrors.Error("", "minors.safeguard.missing." + code)).toList());
        } catch (RefusedException e) {
            return caseView(viewer, caseId, model, form, FormErrors.of(e));
        }
    }

    private boolean recordingSide(Viewer viewer) {
        return minors.properties().recordingParty().equals(viewer.party());
    }

    @GetMapping("/minors/tracing")
    String tracingRequests(Viewer viewer, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("requests", tracing.requests(viewer, page, Page.DEFAULT_SIZE));
        return "minors/tracing-list";
    }

    @GetMapping("/minors/tracing/new")
    String newTracing(Model model) {
        return tracingForm(model, Map.of(), List.of());
    }

    @PostMapping("/minors/tracing")
    String fileTracing(Viewer viewer, @RequestParam Map<String, String> form, Model model) {
        try {
            return "redirect:/minors/tracing/" + tracing.file(viewer, new NewTracingRequest(
                    lines(form.getOrDefault("names", "")), form.get("sex"), form.get("birthDate"),
                    form.get("birthPlace"), form.get("fatherName"), form.get("motherName"), form.get("filedBy"),
                    "yes".equals(form.get("consent"))));
        } catch (InvalidInputException e) {
            return tracingForm(model, form, FormErrors.of(e));
        }
    }

    private static String tracingForm(Model model, Map<String, String> form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "minors/tracing-new";
    }

    @GetMapping("/minors/tracing/{id}")
    String tracingRequest(Viewer viewer, @PathVariable String id, Model model) {
        return tracingView(viewer, id, model, List.of());
    }

    private String tracingView(Viewer viewer, String id, Model model, List<FormErrors.Error> errors) {
        model.addAttribute("request", tracing.request(viewer, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("matches", tracing.childrenFor(viewer, id));
        model.addAttribute("errors", errors);
        return "minors/tracing";
    }

    /** An officer confirms a match, from the request's page or the child's. */
    @PostMapping("/minors/tracing/{id}/confirm")
    String confirm(Viewer viewer, @PathVariable String id, @RequestParam String caseId,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "request") String from,
            Model model, jakarta.servlet.http.HttpSession session) {
        model.addAttribute("hideNames", namesHidden(session));
        try {
            tracing.confirm(viewer, id, caseId, note);
            return "redirect:/minors/cases/" + caseId;
        } catch (RefusedException | InvalidInputException e) {
            List<FormErrors.Error> errors = e instanceof RefusedException refused ? FormErrors.of(refused)
                    : FormErrors.of((InvalidInputException) e);
            return "case".equals(from) ? caseView(viewer, caseId, model, Map.of(), errors)
                    : tracingView(viewer, id, model, errors);
        }
    }

    /** The purges carried out here, with the other node's confirmation, for officers and the data-protection officer. */
    @GetMapping("/minors/purges")
    @PreAuthorize("hasAnyRole('CHILD_PROTECTION_OFFICER', 'AUDITOR')")
    String purges(Viewer viewer, Model model) {
        model.addAttribute("purges", minors.purges(viewer));
        model.addAttribute("retention", minors.properties());
        return "minors/purges";
    }

    @GetMapping("/minors/centres")
    String centres(Viewer viewer, Model model) {
        model.addAttribute("centres", minors.centres(viewer));
        return "minors/centres";
    }
}
