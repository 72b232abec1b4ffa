package org.passerelle.server.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.passerelle.server.web.FormErrors;

/** The auditor's view of the audit log: filter by user, record, action and time; verify the chain. */
@Controller
class AuditController {

    private final AuditLog log;
    private final AuditTrail trail;

    AuditController(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
    }

    @GetMapping("/audit")
    String search(AuditSearch search, Model model) {
        List<FormErrors.Error> errors = new ArrayList<>();
        Instant from = day(search.from(), "from", errors, 0);
        Instant to = day(search.to(), "to", errors, 1);
        AuditFilter filter = new AuditFilter(search.actor(), search.action(), search.recordId(), from, to, 200);
        trail.record("audit.read", "audit", null, org.passerelle.server.audit.AuditOutcome.SUCCESS, filter.toString());
        model.addAttribute("search", search);
        model.addAttribute("errors", errors);
        model.addAttribute("entries", errors.isEmpty() ? log.search(filter) : List.of());
        model.addAttribute("verification", null);
        return "audit/log";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("search", new AuditSearch(null, null, null, null, null));
        model.addAttribute("errors", List.of());
        model.addAttribute("verification", log.verify());
        model.addAttribute("entries", log.search(new AuditFilter(null, null, null, null, null, 50)));
        trail.success("audit.verify", "audit", null);
        return "audit/log";
    }

    private static Instant day(String text, String field, List<FormErrors.Error> errors, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(new FormErrors.Error(field, "audit.error.date"));
            return null;
        }
    }
}
