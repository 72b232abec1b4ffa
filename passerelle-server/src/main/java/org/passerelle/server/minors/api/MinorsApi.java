package org.passerelle.server.minors.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.minors.FamilyTracing;
import org.passerelle.server.minors.MinorState;
import org.passerelle.server.minors.MinorSummary;
import org.passerelle.server.minors.Minors;
import org.passerelle.server.minors.MinorsKinds;
import org.passerelle.server.minors.NewMinorCase;
import org.passerelle.server.minors.NewTracingRequest;
import org.passerelle.server.minors.ReturnBlockedException;
import org.passerelle.server.minors.TracingRequest;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.SharedIndicators;
import org.passerelle.server.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Minors' cases over the API, with the rules of the pages. The paths and fields of issue 18 are a contract: a case
 * recorded, a case read on either node, the return refused with what is missing, the statistics.
 */
@RestController
@RequestMapping("/api/v1/minors")
@Tag(name = "minors")
@SecurityRequirement(name = "token")
class MinorsApi {

    private final Minors minors;
    private final FamilyTracing tracing;
    private final Messages messages;

    MinorsApi(Minors minors, FamilyTracing tracing, Messages messages) {
        this.minors = minors;
        this.tracing = tracing;
        this.messages = messages;
    }

    /** A family's tracing request (Morocco); {@code consent}: the family agrees that the child's data be matched. */
    record TracingBody(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
            String motherName, String filedBy, Boolean consent) {
    }

    record Filed(String id) {
    }

    record ConfirmBody(String caseId, String note) {
    }

    @Operation(summary = "File a family's request to trace a child (Morocco; refused without the family's consent)")
    @PostMapping("/tracing-requests")
    @ResponseStatus(HttpStatus.CREATED)
    Filed fileTracing(Viewer viewer, @RequestBody TracingBody body) {
        return new Filed(tracing.file(viewer, new NewTracingRequest(body.names(), body.sex(), body.birthDate(),
                body.birthPlace(), body.fatherName(), body.motherName(), body.filedBy(),
                Boolean.TRUE.equals(body.consent()))));
    }

    @Operation(summary = "Families' tracing requests, newest first (Morocco)")
    @GetMapping("/tracing-requests")
    List<TracingRequest> tracingRequests(Viewer viewer, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return tracing.requests(viewer, page, size).items();
    }

    @Operation(summary = "The reported children (with tracing consent) who may be the child a family asks about,"
            + " best first, across scripts (Morocco)")
    @GetMapping("/tracing-requests/{id}/candidates")
    List<FamilyTracing.Match> childrenFor(Viewer viewer, @PathVariable String id) {
        return tracing.childrenFor(viewer, id);
    }

    @Operation(summary = "The families' requests that may concern a reported child, best first (Morocco)")
    @GetMapping("/cases/{caseId}/tracing-candidates")
    List<FamilyTracing.Match> requestsFor(Viewer viewer, @PathVariable String caseId) {
        return tracing.requestsFor(viewer, caseId);
    }

    @Operation(summary = "An officer confirms that a family's request is about a reported child; France is told"
            + " through the case's thread (Morocco)")
    @PostMapping("/tracing-requests/{id}/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(Viewer viewer, @PathVariable String id, @RequestBody ConfirmBody body) {
        tracing.confirm(viewer, id, body.caseId(), body.note());
    }

    record PersonBody(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
            String motherName) {
    }

    record AgeAssessmentBody(String method, String conclusion) {
    }

    /**
     * France's record; {@code ageAssessment.method} is documents, interview, medical or combined; {@code
     * tracingConsent} says whether the child agreed that their family be traced.
     */
    record CaseBody(PersonBody person, AgeAssessmentBody ageAssessment, String judge, String placement,
            String guardian, Boolean tracingConsent) {
    }

    record Created(String caseId) {
    }

    record ApprovedView(String stepId, Object step, String recordedBy, String approvedBy, boolean approved) {

        static ApprovedView of(MinorState.Approved<?> approved) {
            return approved == null ? null : new ApprovedView(approved.envelopeId(), approved.step(),
                    approved.recordedBy(), approved.approvedBy(), approved.approved());
        }
    }

    record StepView(String envelopeId, String kind, String from, Instant sentAt, boolean counted) {
    }

    /** A case: the contract's {@code caseId} and {@code status}, and what the thread holds. */
    record CaseView(String caseId, String reference, String status, MinorsKinds.CasePayload record,
            MinorsKinds.IdentificationPayload identification, MinorsKinds.FamilyTracedPayload familyTraced,
            MinorsKinds.HomeAssessmentPayload homeAssessment,
            ApprovedView assessment, ApprovedView determination, MinorsKinds.JudgeDecisionPayload judgeDecision,
            MinorsKinds.CareArrangementPayload careArrangement, MinorsKinds.FollowUpPlanPayload followUpPlan,
            LocalDate returnScheduledFor, LocalDate returnedOn, Map<String, MinorsKinds.VisitPayload> visits,
            List<String> overdueVisits, List<String> missingForReturn, List<StepView> steps) {

        static CaseView of(MinorState s, LocalDate today) {
            return new CaseView(s.caseId(), s.reference(), s.status().apiName(), s.record(), s.identification(),
                    s.familyTraced(), s.homeAssessment(), ApprovedView.of(s.assessment()),
                    ApprovedView.of(s.determination()),
                    s.judgeDecision(), s.careArrangement(), s.followUpPlan(), s.returnScheduledFor(), s.returnedOn(),
                    s.visits(), s.overdueVisits(today), s.missingForReturn(), s.steps().stream()
                            .map(st -> new StepView(st.envelopeId(), st.kind(), st.from(), st.sentAt(), st.counted()))
                            .toList());
        }
    }

    record ReturnBody(String date) {
    }

    /** A step with no body of its own kind: the fields each step takes (see the step's operation). */
    record StepBody(Map<String, String> fields, List<String> panel) {
    }

    record Blocked(int status, String reason, List<String> missing, List<String> labels) {
    }

    record SummaryView(String caseId, String reference, String name, String birthDate, String status,
            boolean identified, String decision, String centre, LocalDate returnedOn) {

        static SummaryView of(MinorSummary s) {
            return new SummaryView(s.caseId(), s.reference(), s.displayName(), s.birthDate(), s.status().apiName(),
                    s.identified(), s.decision(), s.centre(), s.returnedOn());
        }
    }

    @Operation(summary = "Record a minor and ask the other party to identify the child and trace the family (France)")
    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Created record(Viewer viewer, @RequestBody CaseBody body) {
        PersonBody p = body.person() == null ? new PersonBody(null, null, null, null, null, null) : body.person();
        AgeAssessmentBody age = body.ageAssessment() == null ? new AgeAssessmentBody(null, null) : body.ageAssessment();
        return new Created(minors.record(viewer, new NewMinorCase(p.names(), p.sex(), p.birthDate(), p.birthPlace(),
                p.fatherName(), p.motherName(), age.method(), age.conclusion(), body.judge(), body.placement(),
                body.guardian(), body.tracingConsent() == null ? null : body.tracingConsent() ? "given" : "refused")));
    }

    @Operation(summary = "The cases, newest first (q: a reference or part of a name), a page at a time")
    @GetMapping("/cases")
    ResponseEntity<List<SummaryView>> list(Viewer viewer, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page<MinorSummary> found = minors.list(viewer, q, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.items().stream().map(SummaryView::of).toList());
    }

    @Operation(summary = "A case on either node: status, every step, what a return still lacks")
    @GetMapping("/cases/{caseId}")
    CaseView read(Viewer viewer, @PathVariable String caseId) {
        return minors.read(viewer, caseId).map(s -> CaseView.of(s, minors.today()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Operation(summary = "Schedule the return (France): 201 when every safeguard holds, else 409 naming each missing"
            + " one (identification, best-interests-determination, judge-decision, care-arrangement, follow-up-plan)")
    @PostMapping("/cases/{caseId}/return")
    @ResponseStatus(HttpStatus.CREATED)
    void scheduleReturn(Viewer viewer, @PathVariable String caseId, @RequestBody ReturnBody body) {
        minors.scheduleReturn(viewer, caseId, body.date());
    }

    @Operation(summary = "A step of the case. France: assessment (heardOn, heardBy, language, interpreter, views,"
            + " family, health, schooling, integration), determination (determinationDate, panel, decision, reasons),"
            + " approval (step), judge-decision (judgeDate, authorises, judgeText), returned (returnedOn). Morocco:"
            + " identification (outcome, personId, note), home-assessment (situation, familyWilling), care-arrangement"
            + " (kind, familyAcceptedOn, centre, note), follow-up-plan (office), visit (month, visitDate, visitNote)")
    @PostMapping("/cases/{caseId}/steps/{step}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void step(Viewer viewer, @PathVariable String caseId, @PathVariable String step, @RequestBody StepBody body) {
        Map<String, String> f = body.fields() == null ? Map.of() : body.fields();
        switch (step) {
            case "identification" -> minors.identify(viewer, caseId, f.get("outcome"), f.get("personId"),
                    f.get("note"));
            case "home-assessment" -> minors.assessHome(viewer, caseId, f.get("situation"), f.get("familyWilling"));
            case "care-arrangement" -> minors.arrangeCare(viewer, caseId, f.get("kind"), f.get("familyAcceptedOn"),
                    f.get("centre"), f.get("note"));
            case "follow-up-plan" -> minors.planFollowUp(viewer, caseId, f.get("office"));
            case "visit" -> minors.reportVisit(viewer, caseId, f.get("month"), f.get("visitDate"), f.get("visitNote"));
            case "assessment" -> minors.assess(viewer, caseId, f);
            case "determination" -> minors.determine(viewer, caseId, f.get("determinationDate"), body.panel(),
                    f.get("decision"), f.get("reasons"));
            case "approval" -> minors.approve(viewer, caseId, f.get("step"));
            case "judge-decision" -> minors.recordJudgeDecision(viewer, caseId, f.get("judgeDate"), f.get("authorises"),
                    f.get("judgeText"));
            case "returned" -> minors.recordReturned(viewer, caseId, f.get("returnedOn"));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @Operation(summary = "The cases purged under a party's retention on this node, each with the other node's"
            + " confirmation (child-protection officers and the data-protection officer)")
    @GetMapping("/purges")
    List<Minors.Purge> purges(Viewer viewer) {
        return minors.purges(viewer);
    }

    @Operation(summary = "The minors' figures by month of recording (both nodes, the same)")
    @GetMapping("/statistics")
    List<SharedIndicators.Indicator> statistics(Viewer viewer, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        YearMonth last = FieldChecks.month("to", to, minors.thisMonth(), "minors.error.month");
        return minors.statistics(viewer, FieldChecks.month("from", from, last.minusMonths(11), "minors.error.month"),
                last);
    }

    /** A blocked return: 409 with the contract's {@code missing} codes and their labels in the caller's language. */
    @ExceptionHandler(ReturnBlockedException.class)
    ResponseEntity<Blocked> blocked(ReturnBlockedException e, HttpServletRequest request) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Blocked(409,
                messages.get(language, e.reasonKey(), e.arguments().toArray()), e.missing(),
                e.missing().stream().map(code -> messages.get(language, "minors.safeguard." + code)).toList()));
    }
}
