package org.passerelle.server.minors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.server.minors.MinorsKinds.AssessmentPayload;
import org.passerelle.server.minors.MinorsKinds.CareArrangementPayload;
import org.passerelle.server.minors.MinorsKinds.CasePayload;
import org.passerelle.server.minors.MinorsKinds.DeterminationPayload;
import org.passerelle.server.minors.MinorsKinds.FollowUpPlanPayload;
import org.passerelle.server.minors.MinorsKinds.HomeAssessmentPayload;
import org.passerelle.server.minors.MinorsKinds.IdentificationPayload;
import org.passerelle.server.minors.MinorsKinds.JudgeDecisionPayload;
import org.passerelle.server.minors.MinorsKinds.VisitPayload;

/**
 * A minor's case as its thread says, the same on both nodes. France (the requester) records the child, the
 * assessment, the determination, the judge's decision and the return; Morocco (the responder) identifies, assesses
 * the family's home, arranges care and plans and reports the follow-up. A message from the wrong side counts for
 * nothing. An assessment or a determination counts once a second person of the same party has approved it. A return
 * counts only when {@link #missingForReturn} is empty on the day it is sent, so no node holds a return that skipped
 * a safeguard.
 *
 * @param determination the latest approved determination (null: none yet)
 * @param visits the follow-up visits reported, by month of the plan
 */
public record MinorState(String caseId, String requester, String responder, CasePayload record,
        IdentificationPayload identification, MinorsKinds.FamilyTracedPayload familyTraced,
        HomeAssessmentPayload homeAssessment, Approved<AssessmentPayload> assessment,
        Approved<DeterminationPayload> determination, JudgeDecisionPayload judgeDecision,
        CareArrangementPayload careArrangement, FollowUpPlanPayload followUpPlan, LocalDate returnScheduledFor,
        LocalDate returnedOn, Map<String, VisitPayload> visits, List<Step> steps, Instant openedAt,
        Instant updatedAt) {

    /** The safeguards a return needs, by the code the API and the pages name them with. */
    public static final List<String> SAFEGUARDS = List.of("identification", "best-interests-determination",
            "judge-decision", "care-arrangement", "follow-up-plan");

    /** A step that needed a second person: what was recorded, by whom, and who approved it (null: not yet). */
    public record Approved<T>(String envelopeId, T step, String recordedBy, String approvedBy) {

        public boolean approved() {
            return approvedBy != null;
        }
    }

    /** One message of the thread as the timeline shows it; {@code counted}: it moved the case. */
    public record Step(String envelopeId, String kind, String from, Instant sentAt, boolean counted) {
    }

    public String displayName() {
        return record.person().displayName();
    }

    public String reference() {
        return record.reference();
    }

    public MinorStatus status() {
        if (returnedOn != null) {
            return MinorStatus.RETURNED;
        }
        if (returnScheduledFor != null) {
            return MinorStatus.RETURN_SCHEDULED;
        }
        if (judgeDecision != null) {
            return "stay".equals(judgeDecision.authorises()) ? MinorStatus.STAYING : MinorStatus.JUDGE_DECIDED;
        }
        if (determination != null && determination.approved()) {
            return MinorStatus.DETERMINED;
        }
        if (assessment != null && assessment.approved()) {
            return MinorStatus.ASSESSED;
        }
        if (identification != null) {
            return "identified".equals(identification.outcome()) ? MinorStatus.IDENTIFIED : MinorStatus.NOT_IDENTIFIED;
        }
        return MinorStatus.IDENTIFICATION_REQUESTED;
    }

    /** The determination's decision once approved, or empty. */
    public Optional<String> decision() {
        return determination == null || !determination.approved() ? Optional.empty()
                : Optional.of(determination.step().decision());
    }

    /**
     * What a return still lacks, in the order of {@link #SAFEGUARDS}: the child identified; an approved determination
     * recommending a return; the judge's decision authorising it; a concrete care arrangement that fits the
     * determination (the family's acceptance recorded, or a reserved place in a centre); a follow-up plan.
     */
    public List<String> missingForReturn() {
        List<String> missing = new ArrayList<>();
        if (identification == null || !"identified".equals(identification.outcome())) {
            missing.add("identification");
        }
        String decision = decision().orElse(null);
        if (decision == null || decision.equals("stay-in-france")) {
            missing.add("best-interests-determination");
        }
        if (judgeDecision == null || !"return".equals(judgeDecision.authorises())) {
            missing.add("judge-decision");
        }
        if (!careArranged(decision)) {
            missing.add("care-arrangement");
        }
        if (followUpPlan == null) {
            missing.add("follow-up-plan");
        }
        return missing;
    }

    private boolean careArranged(String decision) {
        if (careArrangement == null) {
            return false;
        }
        boolean family = "family".equals(careArrangement.kind()) && careArrangement.familyAcceptedOn() != null;
        boolean centre = "centre".equals(careArrangement.kind()) && careArrangement.centre() != null;
        if ("return-to-family".equals(decision)) {
            return family;
        }
        if ("return-to-centre".equals(decision)) {
            return centre;
        }
        return family || centre;
    }

    /** The months of the follow-up plan whose visit is past due on {@code today} and not reported. */
    public List<String> overdueVisits(LocalDate today) {
        if (returnedOn == null || followUpPlan == null) {
            return List.of();
        }
        return followUpPlan.months().stream().filter(m -> !visits.containsKey(m))
                .filter(m -> today.isAfter(returnedOn.plusMonths(Long.parseLong(m)).plusDays(VISIT_GRACE_DAYS)))
                .toList();
    }

    /** Days after a visit's month falls due before it is flagged overdue. */
    static final int VISIT_GRACE_DAYS = 14;

    /** Whether the thread holds France's record, not retracted nor purged: one that {@link #of} can read. */
    public static boolean holdsRecord(CaseThread thread) {
        return !purged(thread) && thread.entries().stream()
                .anyMatch(e -> MinorsKinds.CASE.equals(e.envelope().kind()) && e.payload() != null);
    }

    /** Whether a party's retention ended the case (its payloads are dropped on both nodes). */
    public static boolean purged(CaseThread thread) {
        return thread.entries().stream().anyMatch(e -> MinorsKinds.PURGED.equals(e.envelope().kind()));
    }

    /**
     * The day the case closed: the last follow-up month after a return, or the judge's decision that the child stays;
     * empty while it is open.
     */
    public Optional<LocalDate> closedOn() {
        if (returnedOn != null && followUpPlan != null) {
            long last = followUpPlan.months().stream().mapToLong(Long::parseLong).max().orElse(0);
            return Optional.of(returnedOn.plusMonths(last));
        }
        if (judgeDecision != null && "stay".equals(judgeDecision.authorises())) {
            return Optional.of(judgeDecision.date());
        }
        return Optional.empty();
    }

    /** The day the child comes of age, from the declared birth date (the year's last day when only the year is known). */
    public Optional<LocalDate> majorityOn() {
        String birth = record.person().birthDate();
        if (birth == null) {
            return Optional.empty();
        }
        String[] parts = birth.split("-");
        LocalDate born = parts.length == 3 ? LocalDate.parse(birth)
                : parts.length == 2 ? java.time.YearMonth.parse(birth).atEndOfMonth()
                : LocalDate.of(Integer.parseInt(parts[0]), 12, 31);
        return Optional.of(born.plusYears(18));
    }

    /** When and by which rule this party's retention ends the case: the earlier of the two rules that apply. */
    public Optional<MinorsKinds.PurgePayload> purgeDue(java.time.Duration afterClosure,
            java.time.Duration afterMajority) {
        Optional<MinorsKinds.PurgePayload> byClosure = closedOn()
                .map(d -> new MinorsKinds.PurgePayload("after-closure", d.plusDays(afterClosure.toDays())));
        Optional<MinorsKinds.PurgePayload> byMajority = majorityOn()
                .map(d -> new MinorsKinds.PurgePayload("after-majority", d.plusDays(afterMajority.toDays())));
        return java.util.stream.Stream.of(byClosure, byMajority).flatMap(Optional::stream)
                .min(java.util.Comparator.comparing(MinorsKinds.PurgePayload::dueOn));
    }

    /** The state of a case from its thread; the thread must hold France's record. */
    public static MinorState of(CaseThread thread) {
        CaseThread.Entry first = thread.entries().stream()
                .filter(e -> MinorsKinds.CASE.equals(e.envelope().kind()) && e.payload() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("The thread holds no minor's record"));
        Envelope opening = first.envelope();
        String requester = opening.from();
        String responder = opening.to().isEmpty() ? requester : opening.to().get(0);
        Builder b = new Builder(MinorsKinds.read(first.payload(), CasePayload.class));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(opening.id(), opening.kind(), requester, opening.sentAt(), true));
        Instant updated = opening.sentAt();
        for (CaseThread.Entry entry : thread.entries()) {
            Envelope e = entry.envelope();
            if (entry == first || entry.payload() == null) {
                continue;
            }
            boolean fromFrance = e.from().equals(requester);
            boolean fromMorocco = e.from().equals(responder);
            boolean counted = switch (e.kind()) {
                case MinorsKinds.IDENTIFICATION -> fromMorocco && set(() -> b.identification =
                        MinorsKinds.read(entry.payload(), IdentificationPayload.class));
                case MinorsKinds.FAMILY_TRACED -> fromMorocco && b.record.tracingAllowed()
                        && set(() -> b.familyTraced = MinorsKinds.read(entry.payload(),
                                MinorsKinds.FamilyTracedPayload.class));
                case MinorsKinds.HOME_ASSESSMENT -> fromMorocco && set(() -> b.homeAssessment =
                        MinorsKinds.read(entry.payload(), HomeAssessmentPayload.class));
                case MinorsKinds.ASSESSMENT -> {
                    AssessmentPayload p = MinorsKinds.read(entry.payload(), AssessmentPayload.class);
                    yield fromFrance && set(() -> b.pending.put(e.id(),
                            new Approved<>(e.id(), p, p.recordedBy(), null)));
                }
                case MinorsKinds.DETERMINATION -> {
                    DeterminationPayload p = MinorsKinds.read(entry.payload(), DeterminationPayload.class);
                    yield fromFrance && set(() -> b.pending.put(e.id(),
                            new Approved<>(e.id(), p, p.recordedBy(), null)));
                }
                case MinorsKinds.APPROVAL -> fromFrance && b.approve(MinorsKinds.read(entry.payload(),
                        MinorsKinds.ApprovalPayload.class));
                case MinorsKinds.JUDGE_DECISION -> fromFrance && set(() -> b.judgeDecision =
                        MinorsKinds.read(entry.payload(), JudgeDecisionPayload.class));
                case MinorsKinds.CARE_ARRANGEMENT -> fromMorocco && set(() -> b.careArrangement =
                        MinorsKinds.read(entry.payload(), CareArrangementPayload.class));
                case MinorsKinds.FOLLOW_UP_PLAN -> fromMorocco && set(() -> b.followUpPlan =
                        MinorsKinds.read(entry.payload(), FollowUpPlanPayload.class));
                case MinorsKinds.RETURN_SCHEDULED -> fromFrance && b.build(thread, requester, responder, steps,
                        opening, updated).missingForReturn().isEmpty() && set(() -> b.returnScheduledFor =
                        MinorsKinds.read(entry.payload(), MinorsKinds.ReturnPayload.class).date());
                case MinorsKinds.RETURNED -> fromFrance && b.returnScheduledFor != null && set(() -> b.returnedOn =
                        MinorsKinds.read(entry.payload(), MinorsKinds.ReturnPayload.class).date());
                case MinorsKinds.FOLLOW_UP_VISIT -> {
                    VisitPayload p = MinorsKinds.read(entry.payload(), VisitPayload.class);
                    yield fromMorocco && b.returnedOn != null && set(() -> b.visits.putIfAbsent(p.month(), p));
                }
                default -> false;
            };
            steps.add(new Step(e.id(), e.kind(), e.from(), e.sentAt(), counted));
            if (counted && e.sentAt().isAfter(updated)) {
                updated = e.sentAt();
            }
        }
        return b.build(thread, requester, responder, steps, opening, updated);
    }

    private static boolean set(Runnable change) {
        change.run();
        return true;
    }

    /** The case being read, step by step. */
    private static final class Builder {
        final CasePayload record;
        IdentificationPayload identification;
        MinorsKinds.FamilyTracedPayload familyTraced;
        HomeAssessmentPayload homeAssessment;
        final Map<String, Approved<?>> pending = new LinkedHashMap<>();
        Approved<AssessmentPayload> assessment;
        Approved<DeterminationPayload> determination;
        JudgeDecisionPayload judgeDecision;
        CareArrangementPayload careArrangement;
        FollowUpPlanPayload followUpPlan;
        LocalDate returnScheduledFor;
        LocalDate returnedOn;
        final Map<String, VisitPayload> visits = new LinkedHashMap<>();

        Builder(CasePayload record) {
            this.record = record;
        }

        /** An approval counts when it names a step awaiting one and comes from someone else than its author. */
        @SuppressWarnings("unchecked")
        boolean approve(MinorsKinds.ApprovalPayload approval) {
            Approved<?> step = pending.get(approval.step());
            if (step == null || step.approved() || step.recordedBy().equals(approval.approver())) {
                return false;
            }
            if (step.step() instanceof AssessmentPayload) {
                assessment = new Approved<>(step.envelopeId(), (AssessmentPayload) step.step(), step.recordedBy(),
                        approval.approver());
                pending.put(step.envelopeId(), assessment);
            } else {
                determination = new Approved<>(step.envelopeId(), (DeterminationPayload) step.step(),
                        step.recordedBy(), approval.approver());
                pending.put(step.envelopeId(), determination);
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        MinorState build(CaseThread thread, String requester, String responder, List<Step> steps, Envelope opening,
                Instant updated) {
            Approved<AssessmentPayload> latestAssessment = assessment != null ? assessment
                    : (Approved<AssessmentPayload>) latest(AssessmentPayload.class);
            Approved<DeterminationPayload> latestDetermination = determination != null ? determination
                    : (Approved<DeterminationPayload>) latest(DeterminationPayload.class);
            return new MinorState(opening.caseRef().id(), requester, responder, record, identification,
                    familyTraced, homeAssessment, latestAssessment, latestDetermination, judgeDecision, careArrangement,
                    followUpPlan, returnScheduledFor, returnedOn, Map.copyOf(visits), List.copyOf(steps),
                    opening.sentAt(), updated);
        }

        /** The latest step of a type still awaiting approval, for the page to offer its approval. */
        private Approved<?> latest(Class<?> type) {
            Approved<?> found = null;
            for (Approved<?> step : pending.values()) {
                if (type.isInstance(step.step())) {
                    found = step;
                }
            }
            return found;
        }
    }
}
