package org.passerelle.server.readmission.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.readmission.ReadmissionStatistics;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.readmission.RemovalFailure;
import org.passerelle.server.readmission.StatisticsCsv;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.Charts;
import org.passerelle.server.web.Downloads;
import org.passerelle.server.web.FormErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The shared readmission figures as charts and tables, and as CSV: the same on both nodes, for the prefectures,
 * consulates, central services and the joint group's secretariat.
 */
@Controller
@PreAuthorize("hasAnyRole('PREFECTURE_OFFICER', 'CENTRAL_MIGRATION_OFFICER', 'CONSULAR_OFFICER',"
        + " 'CENTRAL_IDENTIFICATION_OFFICER', 'JOINT_GROUP_SECRETARIAT')")
class StatisticsPages {

    private final Readmissions readmissions;
    private final Messages messages;

    StatisticsPages(Readmissions readmissions, Messages messages) {
        this.readmissions = readmissions;
        this.messages = messages;
    }

    @GetMapping("/readmission/statistics")
    String statistics(Viewer viewer, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model, jakarta.servlet.http.HttpServletRequest request) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth first = month(from, now.minusMonths(11));
        YearMonth last = month(to, now);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("profile", readmissions.profile());
        model.addAttribute("failures", List.of(RemovalFailure.values()));
        try {
            ReadmissionStatistics.Report report = readmissions.statistics(viewer, first, last);
            Language language = Language.of(RequestContextUtils.getLocale(request));
            List<String> months = report.byMonth().stream().map(ReadmissionStatistics.Figures::key).toList();
            model.addAttribute("report", report);
            model.addAttribute("requestsChart", Charts.bars(messages.get(language, "stats.requestsChart"), months,
                    report.byMonth().stream().map(f -> (double) f.requests()).toList()));
            model.addAttribute("ratesChart", Charts.ratioLines(messages.get(language, "stats.ratesChart"), months,
                    List.of(new Charts.Series(messages.get(language, "stats.answeredInTime"), report.byMonth().stream()
                                    .map(f -> f.shareOfRequests(f.answeredInTime())).toList()),
                            new Charts.Series(messages.get(language, "stats.identified"), report.byMonth().stream()
                                    .map(f -> f.shareOfRequests(f.identified())).toList()),
                            new Charts.Series(messages.get(language, "stats.lpcInTime"), report.byMonth().stream()
                                    .map(f -> f.shareOfRequests(f.laissezPassersBeforeDetentionEnd())).toList()))));
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("report", null);
            model.addAttribute("requestsChart", null);
            model.addAttribute("ratesChart", null);
            model.addAttribute("errors", FormErrors.of(e));
        }
        return "readmission/statistics";
    }

    @GetMapping("/readmission/statistics.csv")
    ResponseEntity<String> csv(Viewer viewer, @RequestParam String from, @RequestParam String to) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        ReadmissionStatistics.Report report = readmissions.statistics(viewer, month(from, now), month(to, now));
        return Downloads.csv(StatisticsCsv.of(report), StatisticsCsv.fileName(report));
    }

    private static YearMonth month(String text, YearMonth otherwise) {
        try {
            return text.isBlank() ? otherwise : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
