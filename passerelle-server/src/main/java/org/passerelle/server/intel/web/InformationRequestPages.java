package org.passerelle.server.intel.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.Urgency;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.shared.InvalidInputException;
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

/** The analysts' pages for information requests: list, new request, thread with its envelopes and actions. */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class InformationRequestPages {

    private static final Map<String, String> REPLY_KINDS = Map.of("answer", "answer", "question", "askBack",
            "clarification", "clarify", "decline", "decline");

    private final InformationRequests requests;
    private final PartyDirectory parties;

    InformationRequestPages(InformationRequests requests, PartyDirectory parties) {
        this.requests = requests;
        this.parties = parties;
    }

    @GetMapping("/intel/requests")
    String list(Viewer viewer, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("requests", requests.list(viewer, overdue, page, Page.DEFAULT_SIZE));
        model.addAttribute("overdueOnly", overdue);
        return "intel/requests";
    }

    @GetMapping("/intel/requests/new")
    String newRequest(Model model) {
        return form(model, RequestForm.empty(parties.peers().isEmpty() ? "" : parties.peers().get(0).party().code()),
                List.of());
    }

    @PostMapping("/intel/requests")
    String open(Viewer viewer, @ModelAttribute RequestForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) throws IOException {
        try {
            String caseId = requests.open(viewer, form.toRequest(), NewAttachment.of(files));
            return "redirect:/intel/requests/" + caseId;
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e));
        }
    }

    @GetMapping("/intel/requests/{caseId}")
    String thread(Viewer viewer, @PathVariable String caseId, Model model) {
        return threadView(viewer, caseId, model, List.of());
    }

    /**
     * The envelopes table alone, which the thread page asks for again every few seconds until every delivery is
     * settled: then it answers htmx's "stop polling" status (286). Not a read of the messages, so not audited as one.
     */
    @GetMapping("/intel/requests/{caseId}/envelopes")
    String envelopes(Viewer viewer, @PathVariable String caseId, Model model, HttpServletResponse response) {
        InformationRequests.Thread thread = requests.deliveries(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (thread.settled()) {
            response.setStatus(STOP_POLLING);
        }
        model.addAttribute("thread", thread);
        return "intel/envelopes";
    }

    /** htmx stops a polling element when its request is answered with this status. */
    static final int STOP_POLLING = 286;

    /** An attachment, sent as a download (never rendered inline: it comes from another party). */
    @GetMapping("/intel/requests/{caseId}/attachments/{sha256}")
    ResponseEntity<byte[]> attachment(Viewer viewer, @PathVariable String caseId, @PathVariable String sha256) {
        return Downloads.file(requests.attachment(viewer, caseId, sha256), sha256);
    }

    @PostMapping("/intel/requests/{caseId}/{kind:answer|question|clarification|decline}")
    String reply(Viewer viewer, @PathVariable String caseId, @PathVariable String kind,
            @RequestParam(defaultValue = "") String text, Model model) {
        try {
            switch (REPLY_KINDS.get(kind)) {
                case "answer" -> requests.answer(viewer, caseId, text);
                case "askBack" -> requests.askBack(viewer, caseId, text);
                case "clarify" -> requests.clarify(viewer, caseId, text);
                default -> requests.decline(viewer, caseId, text);
            }
            return "redirect:/intel/requests/" + caseId;
        } catch (InvalidInputException e) {
            return threadView(viewer, caseId, model, FormErrors.of(e));
        }
    }

    @PostMapping("/intel/requests/{caseId}/messages/{envelopeId}/retraction")
    String retract(Viewer viewer, @PathVariable String caseId, @PathVariable String envelopeId,
            @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            requests.retract(viewer, caseId, envelopeId, reason);
            return "redirect:/intel/requests/" + caseId;
        } catch (InvalidInputException e) {
            return threadView(viewer, caseId, model, FormErrors.of(e));
        }
    }

    /** Takes an unassigned request (one's own name) or adds a colleague to its team. */
    @PostMapping("/intel/requests/{caseId}/team")
    String addToTeam(Viewer viewer, @PathVariable String caseId, @RequestParam(defaultValue = "") String username,
            Model model) {
        try {
            requests.addToTeam(viewer, caseId, username);
            return "redirect:/intel/requests/" + caseId;
        } catch (InvalidInputException e) {
            return threadView(viewer, caseId, model, FormErrors.of(e));
        }
    }

    private String threadView(Viewer viewer, String caseId, Model model, List<FormErrors.Error> errors) {
        model.addAttribute("thread", requests.read(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("errors", errors);
        return "intel/request";
    }

    private String form(Model model, RequestForm form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("peers", parties.peers());
        model.addAttribute("urgencies", List.of(Urgency.values()));
        model.addAttribute("errors", errors);
        return "intel/request-new";
    }
}
