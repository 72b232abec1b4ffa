package org.passerelle.server.minors;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.minors.MinorsKinds.AgeAssessment;
import org.passerelle.server.minors.MinorsKinds.ApprovalPayload;
import org.passerelle.server.minors.MinorsKinds.AssessmentPayload;
import org.passerelle.server.minors.MinorsKinds.CareArrangementPayload;
import org.passerelle.server.minors.MinorsKinds.CasePayload;
import org.passerelle.server.minors.MinorsKinds.DeterminationPayload;
import org.passerelle.server.minors.MinorsKinds.FollowUpPlanPayload;
import org.passerelle.server.minors.MinorsKinds.HomeAssessmentPayload;
import org.passerelle.server.minors.MinorsKinds.IdentificationPayload;
import org.passerelle.server.minors.MinorsKinds.JudgeDecisionPayload;
import org.passerelle.server.minors.MinorsKinds.Person;
import org.passerelle.server.minors.MinorsKinds.ReturnPayload;
import org.passerelle.server.minors.MinorsKinds.VisitPayload;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.SharedIndicators;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minors' cases, for the pages and the API. Only child-protection officers see them, on both sides. France records
 * the child and runs the best-interests procedure; Morocco identifies, assesses the family's home, arranges care and
 * follows the child after return. Every step is an envelope of the case's thread (handled H2: not passed on without
 * consent); every read of a case is in the audit log; a return is refused, with each missing safeguard named, until
 * all hold.
 */
@Service
public class Minors {

    /** Children's data: strictest handling, never passed on without the sender's consent. */
    static final Handling HANDLING = new Handling(HandlingCode.H2, 'A', 1, null);
    private static final Set<String> AGE_METHODS = Set.of("documents", "interview", "medical", "combined");
    private static final int YEARS_BACK = 25;

    private final Exchange exchange;
    private final MinorsStore store;
    private final MinorsProperties properties;
    private final MinorsStatistics statistics;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final Clock clock;

    Minors(Exchange exchange, MinorsStore store, MinorsProperties properties, MinorsStatistics statistics,
            PartyDirectory parties, AuditTrail audit, Clock clock) {
        this.exchange = exchange;
        this.store = store;
        this.properties = properties;
        this.statistics = statistics;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /** France records a minor and asks Morocco to identify the child and trace the family. Returns the case id. */
    @CaseTransactional
    public String record(Viewer viewer, NewMinorCase input) {
        requireOfficer(viewer);
        requireThisNodeIs(properties.recordingParty());
        FieldChecks checks = new FieldChecks("minors");
        if (input.names().isEmpty()) {
            checks.fail("names", "required");
        }
        input.names().forEach(name -> checks.optional("names", name, MinorsKinds.NAME_MAX));
        if (!"M".equals(input.sex()) && !"F".equals(input.sex())) {
            checks.fail("sex", "sex");
        }
        String birth = checks.optional("birthDate", input.birthDate(), 10);
        if (birth != null && !plausibleBirth(birth)) {
            checks.fail("birthDate", "birthDate");
        }
        String birthPlace = checks.optional("birthPlace", input.birthPlace(), MinorsKinds.SHORT_MAX);
        String father = checks.optional("fatherName", input.fatherName(), MinorsKinds.NAME_MAX);
        String mother = checks.optional("motherName", input.motherName(), MinorsKinds.NAME_MAX);
        if (input.ageMethod() == null || !AGE_METHODS.contains(input.ageMethod())) {
            checks.fail("ageMethod", "ageMethod");
        }
        String conclusion = checks.required("ageConclusion", input.ageConclusion(), MinorsKinds.SHORT_MAX);
        String judge = checks.required("judge", input.judge(), MinorsKinds.SHORT_MAX);
        String placement = checks.required("placement", input.placement(), MinorsKinds.SHORT_MAX);
        String guardian = checks.optional("guardian", input.guardian(), MinorsKinds.SHORT_MAX);
        if (!"given".equals(input.tracingConsent()) && !"refused".equals(input.tracingConsent())) {
            checks.fail("tracingConsent", "tracingConsent");
        }
        checks.throwIfAny();
        String caseId = UuidV7.at(clock.instant()).toString();
        CasePayload payload = new CasePayload(new Person(input.names(), input.sex(), birth, birthPlace, father, mother),
                new AgeAssessment(input.ageMethod(), conclusion), judge, placement, guardian, reference(caseId),
                input.tracingConsent());
        exchange.send(new CaseRef(caseId, MinorsKinds.CASE_TYPE), MinorsKinds.CASE,
                List.of(properties.identifyingParty()), HANDLING, MinorsKinds.write(payload), List.of());
        audit.success(viewer, "minors.record", MinorsKinds.CASE_TYPE, caseId);
        return caseId;
    }

    /** A reference people can say on the phone: {@code MNA-} and the id's random tail. */
    static String reference(String caseId) {
        String hex = caseId.replace("-", "");
        return "MNA-" + hex.substring(hex.length() - 8).toUpperCase(java.util.Locale.ROOT);
    }

    private boolean plausibleBirth(String text) {
        try {
            int year = Integer.parseInt(text.substring(0, 4));
            return year <= today().getYear() && year >= today().getYear() - YEARS_BACK
                    && text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // Morocco's steps

    @CaseTransactional
    public void identify(Viewer viewer, String caseId, String outcome, String personId, String note) {
        MinorState state = caseFor(viewer, caseId, false);
        FieldChecks checks = new FieldChecks("minors");
        if (!"identified".equals(outcome) && !"not-identified".equals(outcome)) {
            checks.fail("outcome", "outcome");
        }
        String id = checks.optional("personId", personId, 64);
        String text = checks.optional("note", note, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.IDENTIFICATION, new IdentificationPayload(outcome, id, text),
                "minors.identify");
    }

    @CaseTransactional
    public void assessHome(Viewer viewer, String caseId, String situation, String familyWilling) {
        MinorState state = caseFor(viewer, caseId, false);
        FieldChecks checks = new FieldChecks("minors");
        String text = checks.required("situation", situation, MinorsKinds.TEXT_MAX);
        if (!Set.of("yes", "no", "unknown").contains(familyWilling == null ? "" : familyWilling)) {
            checks.fail("familyWilling", "familyWilling");
        }
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.HOME_ASSESSMENT, new HomeAssessmentPayload(text, familyWilling),
                "minors.home-assessment");
    }

    /** Morocco arranges care: the family's acceptance (its date), or a place in a centre with room left. */
    @CaseTransactional
    public void arrangeCare(Viewer viewer, String caseId, String kind, String familyAcceptedOn, String centre,
            String note) {
        MinorState state = caseFor(viewer, caseId, false);
        FieldChecks checks = new FieldChecks("minors");
        LocalDate accepted = null;
        String centreCode = null;
        if ("family".equals(kind)) {
            accepted = checks.date("familyAcceptedOn", familyAcceptedOn, today().minusYears(1), today());
        } else if ("centre".equals(kind)) {
            centreCode = properties.centre(centre == null ? "" : centre).map(MinorsProperties.Centre::code)
                    .orElseGet(() -> checks.fail("centre", "centre"));
            if (centreCode != null && placesFree(centreCode) <= 0
                    && !centreCode.equals(state.careArrangement() == null ? null : state.careArrangement().centre())) {
                checks.fail("centre", "centreFull");
            }
        } else {
            checks.fail("kind", "careKind");
        }
        String text = checks.optional("note", note, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.CARE_ARRANGEMENT, new CareArrangementPayload(kind, accepted, centreCode, text),
                "minors.care-arrangement");
    }

    @CaseTransactional
    public void planFollowUp(Viewer viewer, String caseId, String office) {
        MinorState state = caseFor(viewer, caseId, false);
        FieldChecks checks = new FieldChecks("minors");
        String text = checks.required("office", office, MinorsKinds.SHORT_MAX);
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.FOLLOW_UP_PLAN, new FollowUpPlanPayload(text, properties.followUpMonths()),
                "minors.follow-up-plan");
    }

    @CaseTransactional
    public void reportVisit(Viewer viewer, String caseId, String month, String date, String note) {
        MinorState state = caseFor(viewer, caseId, false);
        if (state.returnedOn() == null) {
            throw new RefusedException("minors.refused.notReturned");
        }
        FieldChecks checks = new FieldChecks("minors");
        if (state.followUpPlan() == null || !state.followUpPlan().months().contains(month)) {
            checks.fail("month", "month");
        }
        LocalDate on = checks.date("visitDate", date, state.returnedOn(), today());
        String text = checks.required("visitNote", note, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.FOLLOW_UP_VISIT, new VisitPayload(month, on, text), "minors.visit");
    }

    // France's steps

    /** The best-interests assessment; it counts once a second officer approves it. */
    @CaseTransactional
    public String assess(Viewer viewer, String caseId, Map<String, String> form) {
        MinorState state = caseFor(viewer, caseId, true);
        FieldChecks checks = new FieldChecks("minors");
        LocalDate heard = checks.date("heardOn", form.get("heardOn"), today().minusYears(2), today());
        String by = checks.required("heardBy", form.get("heardBy"), MinorsKinds.SHORT_MAX);
        String language = checks.required("language", form.get("language"), 60);
        String interpreter = checks.optional("interpreter", form.get("interpreter"), MinorsKinds.SHORT_MAX);
        List<String> findings = new ArrayList<>();
        for (String field : List.of("views", "family", "health", "schooling", "integration")) {
            findings.add(checks.required(field, form.get(field), MinorsKinds.TEXT_MAX));
        }
        checks.throwIfAny();
        return send(viewer, state, MinorsKinds.ASSESSMENT, new AssessmentPayload(heard, by, language, interpreter,
                findings.get(0), findings.get(1), findings.get(2), findings.get(3), findings.get(4),
                viewer.username()), "minors.assessment");
    }

    /** The panel's determination; it counts once a second officer approves it. */
    @CaseTransactional
    public String determine(Viewer viewer, String caseId, String date, List<String> panel, String decision,
            String reasons) {
        MinorState state = caseFor(viewer, caseId, true);
        FieldChecks checks = new FieldChecks("minors");
        LocalDate on = checks.date("determinationDate", date, today().minusYears(2), today());
        List<String> members = panel == null ? List.of() : panel.stream().filter(m -> m != null && !m.isBlank())
                .map(String::strip).toList();
        if (members.size() < 2 || members.size() > 10 || members.stream().anyMatch(m -> m.length() > 120)) {
            checks.fail("panel", "panel");
        }
        if (decision == null || !MinorsKinds.DETERMINATIONS.contains(decision)) {
            checks.fail("decision", "decision");
        }
        String why = checks.required("reasons", reasons, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        return send(viewer, state, MinorsKinds.DETERMINATION,
                new DeterminationPayload(on, members, decision, why, viewer.username()), "minors.determination");
    }

    /** A second officer approves a step another recorded (the assessment or the determination). */
    @CaseTransactional
    public void approve(Viewer viewer, String caseId, String stepId) {
        MinorState state = caseFor(viewer, caseId, true);
        MinorState.Approved<?> step = java.util.stream.Stream.of(state.assessment(), state.determination())
                .filter(s -> s != null && s.envelopeId().equals(stepId)).findFirst()
                .orElseThrow(() -> new RefusedException("minors.refused.noSuchStep"));
        if (step.approved()) {
            throw new RefusedException("minors.refused.alreadyApproved");
        }
        if (step.recordedBy().equals(viewer.username())) {
            throw new RefusedException("minors.refused.sameApprover");
        }
        send(viewer, state, MinorsKinds.APPROVAL, new ApprovalPayload(stepId, viewer.username()), "minors.approve");
    }

    @CaseTransactional
    public void recordJudgeDecision(Viewer viewer, String caseId, String date, String authorises, String text) {
        MinorState state = caseFor(viewer, caseId, true);
        FieldChecks checks = new FieldChecks("minors");
        LocalDate on = checks.date("judgeDate", date, today().minusYears(2), today());
        if (!"return".equals(authorises) && !"stay".equals(authorises)) {
            checks.fail("authorises", "authorises");
        }
        String decision = checks.required("judgeText", text, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.JUDGE_DECISION, new JudgeDecisionPayload(on, authorises, decision),
                "minors.judge-decision");
    }

    /** Schedules the return; refused, with every missing safeguard named, until all hold. */
    @CaseTransactional
    public void scheduleReturn(Viewer viewer, String caseId, String date) {
        MinorState state = caseFor(viewer, caseId, true);
        List<String> missing = state.missingForReturn();
        if (!missing.isEmpty()) {
            throw new ReturnBlockedException(missing);
        }
        FieldChecks checks = new FieldChecks("minors");
        LocalDate on = checks.date("returnDate", date, today(), today().plusYears(1));
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.RETURN_SCHEDULED, new ReturnPayload(on), "minors.return-scheduled");
    }

    @CaseTransactional
    public void recordReturned(Viewer viewer, String caseId, String date) {
        MinorState state = caseFor(viewer, caseId, true);
        if (state.returnScheduledFor() == null) {
            throw new RefusedException("minors.refused.notScheduled");
        }
        FieldChecks checks = new FieldChecks("minors");
        LocalDate on = checks.date("returnedOn", date, today().minusMonths(1), today());
        checks.throwIfAny();
        send(viewer, state, MinorsKinds.RETURNED, new ReturnPayload(on), "minors.returned");
    }

    // Reading

    @Transactional
    public Page<MinorSummary> list(Viewer viewer, String query, int page, int size) {
        requireOfficer(viewer);
        audit.success(viewer, "minors.list", MinorsKinds.CASE_TYPE, null);
        return store.list(query, Page.number(page), Page.size(size));
    }

    /**
     * The cases by reference only (no name, no date of birth), for the data-protection officer to open each one's
     * access log in the audit log.
     */
    @Transactional
    public Page<MinorSummary> casesForAudit(Viewer viewer, int page, int size) {
        if (!viewer.isNode() && !viewer.has(Role.AUDITOR)) {
            throw new AccessDeniedException("The cases' access logs are for the data-protection officer");
        }
        audit.success(viewer, "minors.access.list", MinorsKinds.CASE_TYPE, null);
        return store.list(null, Page.number(page), Page.size(size));
    }

    /** A case as its thread says; the read is audited. */
    @CaseTransactional
    public Optional<MinorState> read(Viewer viewer, String caseId) {
        requireOfficer(viewer);
        Optional<MinorState> state = state(caseId);
        state.ifPresent(s -> audit.success(viewer, "minors.read", MinorsKinds.CASE_TYPE, caseId));
        return state;
    }

    /** A centre with the places its cases hold. */
    public record CentreOccupancy(MinorsProperties.Centre centre, long taken) {

        public long free() {
            return Math.max(0, centre.capacity() - taken);
        }
    }

    @Transactional(readOnly = true)
    public List<CentreOccupancy> centres(Viewer viewer) {
        requireOfficer(viewer);
        Map<String, Long> taken = store.placesTaken();
        return properties.centres().stream().map(c -> new CentreOccupancy(c, taken.getOrDefault(c.code(), 0L)))
                .toList();
    }

    private long placesFree(String centre) {
        return properties.centre(centre).map(c -> c.capacity() - store.placesTaken().getOrDefault(centre, 0L))
                .orElse(0L);
    }

    /** The shared figures for the cases recorded from {@code from} to {@code to} (months, inclusive). */
    @Transactional(readOnly = true)
    public List<SharedIndicators.Indicator> statistics(Viewer viewer, YearMonth from, YearMonth to) {
        requireOfficer(viewer);
        return statistics.indicators(from, to);
    }

    /**
     * A case this node purged under a party's retention: its reference, the rule and day, who decided (this party, or
     * the other whose notice arrived), and the other node's receipt of the notice when this party sent it.
     */
    public record Purge(String caseId, String reference, String rule, LocalDate dueOn, java.time.Instant purgedAt,
            String decidedBy, String confirmedBy, java.time.Instant confirmedAt, boolean confirmed) {

        /** {@code confirmed}: proven on both sides (the notice came from the other party, or its receipt is here). */
        Purge(String caseId, String reference, String rule, LocalDate dueOn, java.time.Instant purgedAt,
                String decidedBy, String confirmedBy, java.time.Instant confirmedAt) {
            this(caseId, reference, rule, dueOn, purgedAt, decidedBy, confirmedBy, confirmedAt, confirmedAt != null);
        }
    }

    /** The purges this node carried out, newest first, for child-protection officers and the data-protection officer. */
    @Transactional
    public List<Purge> purges(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.CHILD_PROTECTION_OFFICER) && !viewer.has(Role.AUDITOR)) {
            throw new AccessDeniedException("Purges are for child-protection officers and the data-protection officer");
        }
        audit.success(viewer, "minors.purges.read", MinorsKinds.CASE_TYPE, null);
        return store.purges().stream().map(row -> {
            org.passerelle.server.exchange.EnvelopeRecord notice = exchange.records(row.caseId()).stream()
                    .filter(r -> r.envelope().id().equals(row.noticeId())).findFirst().orElse(null);
            if (notice == null || notice.incoming()) {
                return new Purge(row.caseId(), row.reference(), row.rule(), row.dueOn(), row.purgedAt(),
                        notice == null ? null : notice.envelope().from(), parties.self().code(), row.purgedAt());
            }
            var receipt = notice.deliveries().stream().filter(d -> d.receiptOutcome() != null).findFirst();
            return new Purge(row.caseId(), row.reference(), row.rule(), row.dueOn(), row.purgedAt(),
                    parties.self().code(), receipt.map(org.passerelle.server.exchange.Delivery::peer).orElse(null),
                    receipt.map(org.passerelle.server.exchange.Delivery::settledAt).orElse(null));
        }).toList();
    }

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public MinorsProperties properties() {
        return properties;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // Rules shared by the steps

    private MinorState caseFor(Viewer viewer, String caseId, boolean franceStep) {
        requireOfficer(viewer);
        requireThisNodeIs(franceStep ? properties.recordingParty() : properties.identifyingParty());
        return state(caseId).orElseThrow(() -> new CaseNotFoundException(MinorsKinds.CASE_TYPE, caseId));
    }

    private Optional<MinorState> state(String caseId) {
        if (caseId == null || caseId.length() > MinorsKinds.ID_MAX) {
            return Optional.empty();
        }
        CaseThread thread = exchange.thread(caseId);
        return MinorState.holdsRecord(thread) ? Optional.of(MinorState.of(thread)) : Optional.empty();
    }

    private String send(Viewer viewer, MinorState state, String kind, Object payload, String action) {
        String other = parties.self().code().equals(state.requester()) ? state.responder() : state.requester();
        String id = exchange.send(new CaseRef(state.caseId(), MinorsKinds.CASE_TYPE), kind, List.of(other), HANDLING,
                MinorsKinds.write(payload), List.of()).id();
        audit.success(viewer, action, MinorsKinds.CASE_TYPE, state.caseId());
        return id;
    }

    private static void requireOfficer(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.CHILD_PROTECTION_OFFICER)) {
            throw new AccessDeniedException("Minors' cases are for child-protection officers only");
        }
    }

    /** Each side takes its own steps: a step of the other party's is refused on this node. */
    private void requireThisNodeIs(String party) {
        if (!parties.self().code().equals(party)) {
            throw new RefusedException("minors.refused.otherSide");
        }
    }
}
