package org.passerelle.server.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.server.coordination.CoordinationKinds.Action;
import org.passerelle.server.coordination.CoordinationKinds.AgendaItem;
import org.passerelle.server.coordination.CoordinationKinds.MeetingPayload;
import org.passerelle.server.coordination.CoordinationKinds.Participant;

/**
 * A meeting as its thread says, the same on both nodes. Either party may add to it: a meeting is symmetric, so it has
 * no workflow table; the rules are here. The minutes count as approved only when a co-chair of every party of the
 * meeting has approved their latest version (a new version sets the approvals aside); progress counts only on a
 * decision that carries an action; a retracted message counts for nothing.
 *
 * @param parties the parties of the meeting: the one that called it, then those it was sent to
 * @param minutes the latest version of the minutes (null: none yet)
 * @param approvals the approvals of that version, one per party at most
 */
public record MeetingState(String caseId, String calledBy, List<String> parties, MeetingPayload meeting,
        List<AgendaEntry> agenda, Minutes minutes, int minutesVersions, List<Approval> approvals,
        List<Decision> decisions, Instant openedAt, Instant updatedAt) {

    /** Where the meeting stands. */
    public enum Status {
        PREPARING, MINUTES_AWAITING_APPROVAL, MINUTES_APPROVED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String messageKey() {
            return "coordination.status." + apiName();
        }
    }

    /** An agenda item and who put it there. */
    public record AgendaEntry(AgendaItem item, String addedBy) {
    }

    /** A version of the minutes. */
    public record Minutes(String envelopeId, String french, String arabic, String writtenBy, Instant at) {
    }

    /** A co-chair's approval of the latest minutes. */
    public record Approval(String party, String coChair, Instant at) {
    }

    /** A decision and, if it has one, its action item with every progress report. */
    public record Decision(String id, String text, String agendaItem, String takenBy, Instant at, Action action,
            List<String> links, ActionStatus actionStatus, List<Progress> progress) {

        /** The action item is past its due date and not done or dropped. */
        public boolean overdueOn(LocalDate today) {
            return action != null && actionStatus.pending() && today.isAfter(action.due());
        }
    }

    /** One progress report on an action item. */
    public record Progress(String party, ActionStatus status, String note, Instant at) {
    }

    public Status status() {
        if (minutes == null) {
            return Status.PREPARING;
        }
        return approvedByAll() ? Status.MINUTES_APPROVED : Status.MINUTES_AWAITING_APPROVAL;
    }

    private boolean approvedByAll() {
        return approvals.stream().map(Approval::party).collect(java.util.stream.Collectors.toSet())
                .containsAll(parties);
    }

    /** Whether {@code party}'s co-chair has approved the latest minutes. */
    public boolean approvedBy(String party) {
        return approvals.stream().anyMatch(a -> a.party().equals(party));
    }

    public Optional<Decision> decision(String id) {
        return decisions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<Participant> participants() {
        return meeting.participants();
    }

    /** Whether the thread holds a meeting (not retracted): one that {@link #of} can read. */
    public static boolean holdsMeeting(CaseThread thread) {
        return thread.entries().stream()
                .anyMatch(e -> CoordinationKinds.MEETING.equals(e.envelope().kind()) && e.payload() != null);
    }

    /** The state of a meeting from its thread; the thread must hold the meeting. */
    public static MeetingState of(CaseThread thread) {
        CaseThread.Entry first = thread.entries().stream()
                .filter(e -> CoordinationKinds.MEETING.equals(e.envelope().kind()) && e.payload() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("The thread holds no meeting"));
        Envelope opening = first.envelope();
        List<String> parties = new ArrayList<>();
        parties.add(opening.from());
        opening.to().stream().filter(p -> !parties.contains(p)).forEach(parties::add);
        MeetingPayload meeting = MeetingPayload.of(first.payload());
        List<AgendaEntry> agenda = new ArrayList<>();
        meeting.agenda().forEach(item -> agenda.add(new AgendaEntry(item, opening.from())));
        Minutes minutes = null;
        int versions = 0;
        Map<String, Approval> approvals = new LinkedHashMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Instant updated = opening.sentAt();
        for (CaseThread.Entry entry : thread.entries()) {
            Envelope envelope = entry.envelope();
            if (entry.payload() == null || entry == first || !parties.contains(envelope.from())) {
                continue;
            }
            boolean counted = true;
            switch (envelope.kind()) {
                case CoordinationKinds.AGENDA_ITEM ->
                        agenda.add(new AgendaEntry(AgendaItem.of(entry.payload()), envelope.from()));
                case CoordinationKinds.MINUTES -> {
                    CoordinationKinds.MinutesPayload text = CoordinationKinds.MinutesPayload.of(entry.payload());
                    minutes = new Minutes(envelope.id(), text.french(), text.arabic(), envelope.from(),
                            envelope.sentAt());
                    versions++;
                    approvals.clear();
                }
                case CoordinationKinds.MINUTES_APPROVED -> {
                    CoordinationKinds.ApprovalPayload approval = CoordinationKinds.ApprovalPayload.of(entry.payload());
                    counted = minutes != null && minutes.envelopeId().equals(approval.minutes());
                    if (counted) {
                        approvals.putIfAbsent(envelope.from(), new Approval(envelope.from(), approval.coChair(),
                                envelope.sentAt()));
                    }
                }
                case CoordinationKinds.DECISION -> {
                    CoordinationKinds.DecisionPayload decision = CoordinationKinds.DecisionPayload.of(entry.payload());
                    decisions.put(envelope.id(), new Decision(envelope.id(), decision.text(), decision.agendaItem(),
                            envelope.from(), envelope.sentAt(), decision.action(), decision.links(),
                            ActionStatus.OPEN, List.of()));
                }
                case CoordinationKinds.ACTION_PROGRESS -> {
                    CoordinationKinds.ProgressPayload progress = CoordinationKinds.ProgressPayload.of(entry.payload());
                    Decision decision = decisions.get(progress.decision());
                    counted = decision != null && decision.action() != null;
                    if (counted) {
                        List<Progress> reports = new ArrayList<>(decision.progress());
                        reports.add(new Progress(envelope.from(), progress.status(), progress.note(),
                                envelope.sentAt()));
                        decisions.put(decision.id(), new Decision(decision.id(), decision.text(),
                                decision.agendaItem(), decision.takenBy(), decision.at(), decision.action(),
                                decision.links(), progress.status(), List.copyOf(reports)));
                    }
                }
                default -> counted = false;
            }
            if (counted && envelope.sentAt().isAfter(updated)) {
                updated = envelope.sentAt();
            }
        }
        return new MeetingState(opening.caseRef().id(), opening.from(), List.copyOf(parties), meeting,
                List.copyOf(agenda), minutes, versions, List.copyOf(approvals.values()),
                List.copyOf(decisions.values()), opening.sentAt(), updated);
    }
}
