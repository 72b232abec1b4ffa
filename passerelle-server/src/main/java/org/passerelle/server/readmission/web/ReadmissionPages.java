package org.passerelle.server.readmission.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.readmission.Asylum;
import org.passerelle.server.readmission.ReadmissionStatus;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.readmission.RemovalFailure;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The readmission pages of prefectures, consulates and their central services: the work lists, a new request with
 * its check-your-answers page (and the duplicates the engine found), a case with its clocks, timeline, candidates and
 * the steps the viewer may take, the laissez-passer's PDF.
 */
@Controller
@PreAuthorize("hasAnyRole('PREFECTURE_OFFICER', 'CENTRAL_MIGRATION_OFFICER', 'CONSULAR_OFFICER',"
        + " 'CENTRAL_IDENTIFICATION_OFFICER')")
class ReadmissionPages {

    /** The best candidates a case page shows: more are seldom worth an officer's reading (the API gives ten). */
    private static final int CANDIDATES_SHOWN = 5;

    /** htmx stops a polling element when its request is answered with this status. */
    private static final int STOP_POLLING = 286;

    private final Readmissions readmissions;

    ReadmissionPages(Readmissions readmissions) {
        this.readmissions = readmissions;
    }

    @GetMapping("/readmission")
    String list(Viewer viewer, @RequestParam(defaultValue = "all") String list,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Readmissions.ListFlag flag = switch (list) {
            case "waiting" -> Readmissions.ListFlag.WAITING_ON_US;
            case "overdue" -> Readmissions.ListFlag.OVERDUE;
            case "at-risk" -> Readmissions.ListFlag.AT_RISK;
            default -> Readmissions.ListFlag.ALL;
        };
        ReadmissionStatus wanted = ReadmissionStatus.ofApiName(status).orElse(null);
        model.addAttribute("cases", readmissions.list(viewer, wanted, flag, q, page, Page.DEFAULT_SIZE));
        model.addAttribute("workload", readmissions.workload(viewer));
        model.addAttribute("list", flag == Readmissions.ListFlag.ALL ? "all" : list);
        model.addAttribute("status", wanted);
        model.addAttribute("query", q);
        model.addAttribute("statuses", List.of(ReadmissionStatus.values()));
        model.addAttribute("profile", readmissions.profile());
        return "readmission/list";
    }

    @GetMapping("/readmission/requests/new")
    @PreAuthorize("hasAnyRole('PREFECTURE_OFFICER', 'CENTRAL_MIGRATION_OFFICER')")
    String newRequest(Viewer viewer, Model model) {
        return form(model, RequestForm.empty(viewer.office() == null ? "" : viewer.office()), List.of());
    }

    /** Checks the answers: the form again with every error, or the check-your-answers page with duplicates. */
    @PostMapping("/readmission/requests/check")
    @PreAuthorize("hasAnyRole('PREFECTURE_OFFICER', 'CENTRAL_MIGRATION_OFFICER')")
    String check(Viewer viewer, @ModelAttribute RequestForm form, @RequestParam(required = false) String change,
            Model model) {
        if (change != null) {
            model.addAttribute("focus", change);
            return form(model, form, List.of());
        }
        try {
            readmissions.validate(viewer, form.toRequest());
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e));
        } catch (RefusedException e) {
            return form(model, form, FormErrors.of(e));
        }
        return checkPage(viewer, model, form, List.of());
    }

    @PostMapping("/readmission/requests")
    @PreAuthorize("hasAnyRole('PREFECTURE_OFFICER', 'CENTRAL_MIGRATION_OFFICER')")
    String file(Viewer viewer, @ModelAttribute RequestForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) throws IOException {
        try {
            String caseId = readmissions.file(viewer, form.toRequest(), NewAttachment.of(files));
            return "redirect:/readmission/requests/" + caseId;
        } catch (InvalidInputException e) {
            boolean filesOnly = e.errors().stream().allMatch(f -> f.field().equals("files"));
            return filesOnly ? checkPage(viewer, model, form, FormErrors.of(e)) : form(model, form, FormErrors.of(e));
        } catch (RefusedException e) {
            return form(model, form, FormErrors.of(e));
        }
    }

    private String checkPage(Viewer viewer, Model model, RequestForm form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("duplicates", readmissions.duplicates(viewer, form.toRequest()));
        model.addAttribute("profile", readmissions.profile());
        model.addAttribute("errors", errors);
        return "readmission/check";
    }

    private String form(Model model, RequestForm form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("profile", readmissions.profile());
        model.addAttribute("asylumStatuses", List.of(Asylum.values()));
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("focus")) {
            model.addAttribute("focus", "");
        }
        return "readmission/new";
    }

    @GetMapping("/readmission/requests/{caseId}")
    String read(Viewer viewer, @PathVariable String caseId, Model model) {
        return caseView(viewer, caseId, model, List.of());
    }

    private String caseView(Viewer viewer, String caseId, Model model, List<FormErrors.Error> errors) {
        Readmissions.CaseView view = readmissions.read(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        model.addAttribute("profile", readmissions.profile());
        model.addAttribute("failures", List.of(RemovalFailure.values()));
        model.addAttribute("asylumStatuses", List.of(Asylum.values()));
        boolean deciding = view.side() == org.passerelle.server.shared.Workflow.Side.RESPONDER
                && view.state().status().awaitingIdentification();
        List<Readmissions.CandidateRecord> candidates = deciding ? readmissions.candidateRecords(viewer, caseId)
                : List.of();
        model.addAttribute("candidates", candidates.subList(0, Math.min(CANDIDATES_SHOWN, candidates.size())));
        return "readmission/case";
    }

    /** The envelopes table alone, asked for again every few seconds until every delivery is settled. */
    @GetMapping("/readmission/requests/{caseId}/envelopes")
    String envelopes(Viewer viewer, @PathVariable String caseId, Model model, HttpServletResponse response) {
        Readmissions.CaseView view = readmissions.deliveries(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.settled()) {
            response.setStatus(STOP_POLLING);
        }
        model.addAttribute("view", view);
        return "readmission/envelopes";
    }

    @GetMapping("/readmission/requests/{caseId}/laissez-passer.pdf")
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable String caseId) {
        return Downloads.pdf(readmissions.laissezPasserPdf(viewer, caseId), "laissez-passer.pdf");
    }

    /** An attachment, as a download (never rendered inline: it comes from another party). */
    @GetMapping("/readmission/requests/{caseId}/attachments/{sha256}")
    ResponseEntity<byte[]> attachment(Viewer viewer, @PathVariable String caseId, @PathVariable String sha256) {
        return Downloads.file(readmissions.attachment(viewer, caseId, sha256), sha256);
    }

    /** Every step of a case, each a form of its own; errors come back on the case page. */
    @PostMapping("/readmission/requests/{caseId}/{step}")
    String step(Viewer viewer, @PathVariable String caseId, @PathVariable String step,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String personId,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String escort,
            @RequestParam(defaultValue = "") String asylum, Model model) {
        Consumer<Viewer> action = switch (step) {
            case "information" -> v -> readmissions.answerQuestion(v, caseId, text);
            case "reminder" -> v -> readmissions.remind(v, caseId, text);
            case "asylum" -> v -> readmissions.recordAsylum(v, caseId, asylum, date);
            case "withdrawal" -> v -> readmissions.withdraw(v, caseId, text);
            case "flight" -> v -> readmissions.scheduleRemoval(v, caseId, date, escort);
            case "removed" -> v -> readmissions.recordRemoved(v, caseId, date, text);
            case "removal-failed" -> v -> readmissions.recordFailure(v, caseId, date, reason, text);
            case "information-needed" -> v -> readmissions.askInformation(v, caseId, text);
            case "interview" -> v -> readmissions.callInterview(v, caseId, date, place, text);
            case "identified" -> v -> readmissions.identify(v, caseId, personId, text);
            case "not-identified" -> v -> readmissions.notIdentified(v, caseId, text);
            case "laissez-passer" -> v -> readmissions.issueLaissezPasser(v, caseId);
            case "revocation" -> v -> readmissions.revokeLaissezPasser(v, caseId, text);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        try {
            action.accept(viewer);
            return "redirect:/readmission/requests/" + caseId;
        } catch (InvalidInputException e) {
            return caseView(viewer, caseId, model, FormErrors.of(e).stream()
                    .map(error -> new FormErrors.Error(step + "-" + error.field(), error.messageKey())).toList());
        } catch (RefusedException e) {
            return caseView(viewer, caseId, model, FormErrors.of(e));
        }
    }
}
