package org.passerelle.server.readmission.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.passerelle.server.exchange.Delivery;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.readmission.LaissezPasserCheck;
import org.passerelle.server.readmission.LaissezPasserSeal;
import org.passerelle.server.readmission.NewReadmissionRequest;
import org.passerelle.server.readmission.ReadmissionKinds;
import org.passerelle.server.readmission.ReadmissionState;
import org.passerelle.server.readmission.ReadmissionStatistics;
import org.passerelle.server.readmission.ReadmissionStatus;
import org.passerelle.server.readmission.ReadmissionSummary;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.readmission.StatisticsCsv;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Readmission over the API, with the rules of the pages. The paths and fields of issue 17 are a contract: requests,
 * a request, its candidates, the consulate's decision, the laissez-passer and its PDF, the removal, the statistics.
 */
@RestController
@RequestMapping("/api/v1/readmission")
@Tag(name = "readmission")
@SecurityRequirement(name = "token")
class ReadmissionApi {

    private final Readmissions readmissions;

    ReadmissionApi(Readmissions readmissions) {
        this.readmissions = readmissions;
    }

    record PersonBody(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
            String motherName, List<String> languages, String description) {
    }

    record RemovalOrderBody(String reference, String date) {
    }

    record DetentionBody(String centre, String start, String end) {
    }

    /** A new request; {@code asylum} is none, pending, rejected (with {@code asylumDecidedOn}) or appeal-pending. */
    record RequestBodyJson(String prefecture, PersonBody person, RemovalOrderBody removalOrder, DetentionBody detention,
            String asylum, String asylumDecidedOn) {

        NewReadmissionRequest toRequest() {
            PersonBody p = person == null ? new PersonBody(null, null, null, null, null, null, null, null) : person;
            RemovalOrderBody order = removalOrder == null ? new RemovalOrderBody(null, null) : removalOrder;
            DetentionBody held = detention == null ? new DetentionBody(null, null, null) : detention;
            return new NewReadmissionRequest(prefecture, p.names(), p.sex(), p.birthDate(), p.birthPlace(),
                    p.fatherName(), p.motherName(), p.languages(), p.description(), order.reference(), order.date(),
                    held.centre(), held.start(), held.end(), asylum, asylumDecidedOn);
        }
    }

    record Created(String caseId) {
    }

    record LaissezPasserView(String number, LocalDate issuedOn, LocalDate validUntil, boolean revoked,
            String revocationReason, boolean valid) {
    }

    record StepView(String envelopeId, String kind, String from, Instant sentAt, boolean counted, boolean retracted,
            String text, LocalDate date, String detail, String reason) {
    }

    record EnvelopeView(String id, String kind, String from, List<String> to, Instant sentAt, String hash,
            boolean incoming, boolean signatureValid, List<Delivery> deliveries) {
    }

    record AsylumView(String status, LocalDate decidedOn) {
    }

    /** A case: the contract's {@code caseId}, {@code status} and {@code laissezPasser}, and the rest of its state. */
    record CaseBody(String caseId, String reference, String status, LaissezPasserView laissezPasser,
            List<LaissezPasserView> laissezPassers, String prefecture, String consulate,
            ReadmissionKinds.Person person, String removalOrderReference, LocalDate removalOrderDate,
            String detentionCentre, LocalDate detentionStart, LocalDate detentionEnd, Instant openedAt, Instant dueAt,
            boolean overdue, boolean atRisk, LocalDate nextDetentionReview, String waitingOn, Instant answeredAt,
            String personId, String question, LocalDate flightDate, String escort, LocalDate outcomeDate,
            String failureReason, AsylumView asylum, List<String> actions, List<StepView> steps,
            List<EnvelopeView> envelopes) {
    }

    record SummaryBody(String caseId, String reference, String status, String prefecture, String consulate,
            String displayName, String birthDate, Instant openedAt, Instant dueAt, LocalDate detentionEnd,
            String laissezPasserNumber, LocalDate laissezPasserValidUntil, LocalDate flightDate, boolean overdue,
            boolean atRisk, String waitingOn) {

        static SummaryBody of(ReadmissionSummary s) {
            return new SummaryBody(s.caseId(), s.reference(), s.status().apiName(), s.prefecture(), s.consulate(),
                    s.displayName(), s.birthDate(), s.openedAt(), s.dueAt(), s.detentionEnd(),
                    s.laissezPasserNumber(), s.laissezPasserValidUntil(), s.flightDate(), s.overdue(), s.atRisk(),
                    s.waitingOn());
        }
    }

    record Decision(String outcome, String personId, String reason, String interviewDate, String place) {
    }

    record Removal(String flightDate, String outcome, String reason, String escort, String note) {
    }

    record Text(String text) {
    }

    record Reason(String reason) {
    }

    record AsylumBody(String asylum, String decidedOn) {
    }

    record DuplicateBody(SummaryBody request, double probability, String decision) {
    }

    record SealBody(String seal) {
    }

    record CheckBody(String verdict, boolean valid, LaissezPasserSeal.Data data) {
    }

    @Operation(summary = "File an identification request with the consulate competent for the prefecture (France);"
            + " a safeguard's refusal answers 409 with the reason")
    @PostMapping(value = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created file(Viewer viewer, @RequestBody RequestBodyJson body) {
        return new Created(readmissions.file(viewer, body.toRequest(), List.of()));
    }

    @Operation(summary = "File a request with photos and documents: a multipart form with the JSON as part"
            + " 'request' and the files (JPEG, PNG or PDF, 5 MB each, 10 at most) as parts 'files'")
    @PostMapping(value = "/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created fileWithAttachments(Viewer viewer, @RequestPart("request") RequestBodyJson body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
        return new Created(readmissions.file(viewer, body.toRequest(), NewAttachment.of(files)));
    }

    @Operation(summary = "Earlier requests of any prefecture that may be about the same person (France)")
    @PostMapping("/requests/duplicates")
    List<DuplicateBody> duplicates(Viewer viewer, @RequestBody RequestBodyJson body) {
        return readmissions.duplicates(viewer, body.toRequest()).stream()
                .map(d -> new DuplicateBody(SummaryBody.of(d.request()), d.probability(), d.decision())).toList();
    }

    @Operation(summary = "The cases the caller may see, newest first (flag: waiting-on-us, overdue, at-risk; q: a"
            + " reference or part of a name), a page at a time; X-Total-Count gives how many there are")
    @GetMapping("/requests")
    ResponseEntity<List<SummaryBody>> list(Viewer viewer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String flag, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        ReadmissionStatus wanted = status == null || status.isBlank() ? null : ReadmissionStatus.ofApiName(status)
                .orElseThrow(() -> invalid("status", "readmission.error.status"));
        Readmissions.ListFlag listFlag = flag == null || flag.isBlank() ? Readmissions.ListFlag.ALL
                : java.util.Arrays.stream(Readmissions.ListFlag.values())
                        .filter(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(flag))
                        .findFirst()
                        .orElseThrow(() -> invalid("flag", "readmission.error.flag"));
        Page<ReadmissionSummary> found = readmissions.list(viewer, wanted, listFlag, q, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.items().stream().map(SummaryBody::of).toList());
    }

    @Operation(summary = "A case: status, laissez-passer, clocks, steps and envelopes (both nodes)")
    @GetMapping("/requests/{caseId}")
    CaseBody read(Viewer viewer, @PathVariable String caseId) {
        Readmissions.CaseView view = readmissions.read(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReadmissionState s = view.state();
        LocalDate today = view.today();
        List<LaissezPasserView> passes = s.laissezPassers().stream().map(lp -> new LaissezPasserView(lp.number(),
                lp.issuedOn(), lp.validUntil(), lp.revoked(), lp.revocationReason(), lp.validOn(today))).toList();
        ReadmissionKinds.RequestPayload request = s.request();
        return new CaseBody(s.caseId(), s.reference(), s.status().apiName(),
                passes.isEmpty() ? null : passes.get(passes.size() - 1), passes,
                request == null ? null : request.prefecture(), request == null ? null : request.consulate(),
                request == null ? null : request.person(), request == null ? null : request.orderReference(),
                request == null ? null : request.orderDate(), request == null ? null : request.detentionCentre(),
                request == null ? null : request.detentionStart(), s.detentionEnd(), s.openedAt(), s.dueAt(),
                view.overdue(), view.atRisk(), view.nextDetentionReview().orElse(null), s.waitingOn().orElse(null),
                s.answeredAt(), s.personId(), s.question(), s.flightDate(), s.escort(), s.outcomeDate(),
                s.failureReason() == null ? null : s.failureReason().apiName(),
                view.asylum() == null ? null : new AsylumView(view.asylum().status().apiName(),
                        view.asylum().decidedOn()),
                view.actions().stream().toList(),
                s.steps().stream().map(st -> new StepView(st.envelopeId(), st.kind(), st.from(), st.sentAt(),
                        st.counted(), st.retracted(), st.text(), st.date(), st.detail(), st.reasonKey())).toList(),
                view.envelopes().stream().map(ReadmissionApi::envelope).toList());
    }

    @Operation(summary = "The civil registry's candidates for the request, best first, with per-field explanations"
            + " (Morocco)")
    @GetMapping("/requests/{caseId}/candidates")
    List<Registry.Candidate> candidates(Viewer viewer, @PathVariable String caseId) {
        return readmissions.candidates(viewer, caseId);
    }

    @Operation(summary = "The consulate's decision (Morocco): identified (personId: the registry record), not-identified"
            + " (reason), interview (interviewDate, place) or more-information (reason: the question)")
    @PostMapping("/requests/{caseId}/decision")
    void decide(Viewer viewer, @PathVariable String caseId, @RequestBody Decision decision) {
        switch (decision.outcome() == null ? "" : decision.outcome()) {
            case "identified" -> readmissions.identify(viewer, caseId, decision.personId(), decision.reason());
            case "not-identified" -> readmissions.notIdentified(viewer, caseId, decision.reason());
            case "interview" -> readmissions.callInterview(viewer, caseId, decision.interviewDate(), decision.place(),
                    decision.reason());
            case "more-information" -> readmissions.askInformation(viewer, caseId, decision.reason());
            default -> throw invalid("outcome", "readmission.error.outcome");
        }
    }

    @Operation(summary = "The prefecture answers the consulate's question (France)")
    @PostMapping("/requests/{caseId}/information")
    void answer(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        readmissions.answerQuestion(viewer, caseId, text.text());
    }

    @Operation(summary = "Remind the consulate of a request that waits on it (France)")
    @PostMapping("/requests/{caseId}/reminder")
    void remind(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        readmissions.remind(viewer, caseId, text.text());
    }

    @Operation(summary = "Record the person's asylum status, which stays in France (France)")
    @PostMapping("/requests/{caseId}/asylum")
    void asylum(Viewer viewer, @PathVariable String caseId, @RequestBody AsylumBody body) {
        readmissions.recordAsylum(viewer, caseId, body.asylum(), body.decidedOn());
    }

    @Operation(summary = "Withdraw the request (France)")
    @PostMapping("/requests/{caseId}/withdrawal")
    void withdraw(Viewer viewer, @PathVariable String caseId, @RequestBody Reason reason) {
        readmissions.withdraw(viewer, caseId, reason.reason());
    }

    @Operation(summary = "Issue the laissez-passer of an identified person (Morocco, consular officers)")
    @PostMapping("/requests/{caseId}/laissez-passer")
    Readmissions.Issued issue(Viewer viewer, @PathVariable String caseId) {
        return readmissions.issueLaissezPasser(viewer, caseId);
    }

    @Operation(summary = "Revoke the current laissez-passer (Morocco, consular officers)")
    @PostMapping("/requests/{caseId}/laissez-passer/revocation")
    void revoke(Viewer viewer, @PathVariable String caseId, @RequestBody Reason reason) {
        readmissions.revokeLaissezPasser(viewer, caseId, reason.reason());
    }

    @Operation(summary = "The current laissez-passer as a PDF in French and Arabic, with its seal (both nodes)")
    @GetMapping("/requests/{caseId}/laissez-passer.pdf")
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable String caseId) {
        return Downloads.pdf(readmissions.laissezPasserPdf(viewer, caseId), "laissez-passer.pdf");
    }

    @Operation(summary = "Record the removal (France): outcome scheduled (flightDate, escort), removed or carried-out"
            + " (flightDate) or failed (flightDate, reason: refused-to-board, released-by-judge, asylum-claim, medical,"
            + " laissez-passer-expired, flight-cancelled, other)")
    @PostMapping("/requests/{caseId}/removal")
    void removal(Viewer viewer, @PathVariable String caseId, @RequestBody Removal removal) {
        switch (word(removal.outcome() == null ? "scheduled" : removal.outcome())) {
            case "scheduled", "booked" -> readmissions.scheduleRemoval(viewer, caseId, removal.flightDate(),
                    removal.escort());
            case "removed", "carried-out" -> readmissions.recordRemoved(viewer, caseId, removal.flightDate(),
                    removal.note());
            case "failed" -> readmissions.recordFailure(viewer, caseId, removal.flightDate(),
                    removal.reason() == null ? null : word(removal.reason()).replace("lpc", "laissez-passer"),
                    removal.note());
            default -> throw invalid("outcome", "readmission.error.removalOutcome");
        }
    }

    @Operation(summary = "An attachment of the case")
    @GetMapping("/requests/{caseId}/attachments/{sha256}")
    ResponseEntity<byte[]> attachment(Viewer viewer, @PathVariable String caseId, @PathVariable String sha256) {
        return Downloads.file(readmissions.attachment(viewer, caseId, sha256), sha256);
    }

    @Operation(summary = "The shared figures of the requests filed from one month to another (YYYY-MM), overall and"
            + " by month, prefecture and consulate; format=csv for CSV (both nodes give the same)")
    @GetMapping("/statistics")
    ResponseEntity<?> statistics(Viewer viewer, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String format) {
        ReadmissionStatistics.Report report = readmissions.statistics(viewer, month("from", from), month("to", to));
        if ("csv".equals(format)) {
            return Downloads.csv(StatisticsCsv.of(report), StatisticsCsv.fileName(report));
        }
        return ResponseEntity.ok(report);
    }

    @Operation(summary = "Check a laissez-passer's seal (the text of its 2D code) with Morocco's key (both nodes)")
    @PostMapping(value = "/laissez-passer/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    CheckBody verifySeal(@RequestBody SealBody body) {
        LaissezPasserSeal.Check check = readmissions.check(body.seal());
        return new CheckBody(verdict(check.verdict()), check.verdict().valid(), check.data());
    }

    @Operation(summary = "Check a laissez-passer PDF: its seal, and that the page prints what the seal vouches for")
    @PostMapping(value = "/laissez-passer/verification", consumes = MediaType.APPLICATION_PDF_VALUE)
    CheckBody verifyPdf(@RequestBody byte[] pdf) {
        LaissezPasserCheck check = readmissions.checkPdf(pdf);
        return new CheckBody(verdict(check.verdict()), check.verdict().valid(), check.data());
    }

    /** A word as a person may type it ("Refused to board", "carried_out"), as the API spells it. */
    private static String word(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    /** The API's word for a verdict: {@code wrong-key}. */
    private static String verdict(LaissezPasserSeal.Verdict verdict) {
        return verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static EnvelopeView envelope(EnvelopeRecord r) {
        return new EnvelopeView(r.envelope().id(), r.envelope().kind(), r.envelope().from(), r.envelope().to(),
                r.envelope().sentAt(), r.envelope().hash(), r.incoming(), r.signatureValid(), r.deliveries());
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "readmission.error.month");
        }
    }

    private static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new FieldError(field, key)));
    }
}
