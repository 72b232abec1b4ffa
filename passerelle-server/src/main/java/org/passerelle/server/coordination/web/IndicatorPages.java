package org.passerelle.server.coordination.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.util.List;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.coordination.IndicatorReport;
import org.passerelle.server.coordination.IndicatorsCsv;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.web.Charts;
import org.passerelle.server.web.Downloads;
import org.passerelle.server.web.FormErrors;
import org.passerelle.server.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The shared indicators as charts, a table by month and CSV, for the joint group and the central services: the same
 * figures on both nodes, each linking to the cases behind it for those who may see them.
 */
@Controller
@PreAuthorize("hasAnyRole('JOINT_GROUP_SECRETARIAT', 'JOINT_GROUP_CO_CHAIR', 'CENTRAL_MIGRATION_OFFICER',"
        + " 'CENTRAL_IDENTIFICATION_OFFICER')")
class IndicatorPages {

    /** The message of a malformed month in a period. */
    private static final String MONTH = "coordination.error.month";

    /** The figures drawn by month, in this order; the table below gives them all. */
    private static final List<String> CHARTED = List.of("readmission.requests", "readmission.laissez-passers",
            "readmission.removed", "minors.cases", "intel.requests", "intel.answered-in-time");

    private final Coordination coordination;
    private final Messages messages;

    IndicatorPages(Coordination coordination, Messages messages) {
        this.coordination = coordination;
        this.messages = messages;
    }

    @GetMapping("/coordination/indicators")
    String indicators(Viewer viewer, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model, HttpServletRequest request) {
        model.addAttribute("from", from.isBlank() ? coordination.defaultFrom().toString() : from);
        model.addAttribute("to", to.isBlank() ? coordination.thisMonth().toString() : to);
        try {
            YearMonth first = FieldChecks.month("from", from, coordination.defaultFrom(), MONTH);
            YearMonth last = FieldChecks.month("to", to, coordination.thisMonth(), MONTH);
            IndicatorReport report = coordination.indicators(viewer, first, last);
            Language language = Language.of(RequestContextUtils.getLocale(request));
            model.addAttribute("report", report);
            model.addAttribute("charts", CHARTED.stream().map(report::indicator).filter(java.util.Objects::nonNull)
                    .map(i -> {
                        String title = messages.get(language, "indicator." + i.key());
                        return new IndicatorChart(title, Charts.bars(title, report.months(), report.months().stream()
                                .map(m -> i.byMonth().getOrDefault(m, 0).doubleValue()).toList()));
                    }).toList());
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("report", null);
            model.addAttribute("charts", List.of());
            model.addAttribute("errors", FormErrors.of(e));
        }
        return "coordination/indicators";
    }

    @GetMapping("/coordination/indicators.csv")
    ResponseEntity<String> csv(Viewer viewer, @RequestParam String from, @RequestParam String to) {
        IndicatorReport report = coordination.indicators(viewer,
                FieldChecks.month("from", from, coordination.defaultFrom(), MONTH),
                FieldChecks.month("to", to, coordination.thisMonth(), MONTH));
        return Downloads.csv(IndicatorsCsv.of(report), IndicatorsCsv.fileName(report));
    }
}
