package org.passerelle.server.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.coordination.CoordinationKinds.Action;
import org.passerelle.server.coordination.CoordinationKinds.AgendaItem;
import org.passerelle.server.coordination.CoordinationKinds.ApprovalPayload;
import org.passerelle.server.coordination.CoordinationKinds.DecisionPayload;
import org.passerelle.server.coordination.CoordinationKinds.MeetingPayload;
import org.passerelle.server.coordination.CoordinationKinds.MinutesPayload;
import org.passerelle.server.coordination.CoordinationKinds.Participant;
import org.passerelle.server.coordination.CoordinationKinds.ProgressPayload;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.SharedIndicators;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint group's work, for the pages and the API: meetings called, prepared and minuted, minutes approved by each
 * co-chair, decisions and their action items, the shared indicators and the meeting pack. The secretariat and the
 * co-chairs of each party work on meetings; the central services also read the indicators. Every change the other
 * party must see is an envelope of the meeting's thread; every read is in the audit log.
 */
@Service
public class Coordination {

    /** Meetings concern officials of both states, not the persons of cases: handled for official use (H1). */
    static final Handling HANDLING = new Handling(HandlingCode.H1, 'A', 1, null);

    private static final Set<Role> MEETING_ROLES = Set.of(Role.JOINT_GROUP_SECRETARIAT, Role.JOINT_GROUP_CO_CHAIR);
    private static final Set<Role> INDICATOR_ROLES = Set.of(Role.JOINT_GROUP_SECRETARIAT, Role.JOINT_GROUP_CO_CHAIR,
            Role.CENTRAL_MIGRATION_OFFICER, Role.CENTRAL_IDENTIFICATION_OFFICER);
    /** How far back and ahead a meeting or an action item's date may sensibly lie. */
    private static final int YEARS_BACK = 10;
    private static final int YEARS_AHEAD = 5;

    private final Exchange exchange;
    private final CoordinationStore store;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final List<SharedIndicators> indicatorSources;
    private final CoordinationProperties properties;
    private final MeetingPack pack;
    private final Clock clock;

    Coordination(Exchange exchange, CoordinationStore store, PartyDirectory parties, AuditTrail audit,
            List<SharedIndicators> indicatorSources, CoordinationProperties properties, MeetingPack pack,
            Clock clock) {
        this.exchange = exchange;
        this.store = store;
        this.parties = parties;
        this.audit = audit;
        this.indicatorSources = indicatorSources.stream()
                .sorted(Comparator.comparing(source -> source.getClass().getName())).toList();
        this.properties = properties;
        this.pack = pack;
        this.clock = clock;
    }

    // Meetings

    /** Calls a meeting: sent to every other party, which holds the same record. Returns its case id. */
    @CaseTransactional
    public String callMeeting(Viewer viewer, NewMeeting meeting) {
        requireMeetingRole(viewer);
        MeetingPayload payload = validate(meeting);
        String caseId = UuidV7.at(clock.instant()).toString();
        exchange.send(caseRef(caseId), CoordinationKinds.MEETING, otherParties(), HANDLING, payload.toJson(),
                List.of());
        audit.success(viewer, "coordination.meeting.call", CoordinationKinds.CASE_TYPE, caseId);
        return caseId;
    }

    @CaseTransactional
    public void addAgendaItem(Viewer viewer, String caseId, String title, String purpose) {
        MeetingState state = meetingFor(viewer, caseId);
        FieldChecks checks = new FieldChecks("coordination");
        AgendaItem item = agendaItem("agendaTitle", new NewMeeting.AgendaItem(title, purpose), checks);
        checks.throwIfAny();
        send(viewer, state, CoordinationKinds.AGENDA_ITEM, item.toJson(), "coordination.agenda.add");
    }

    /** Proposes a version of the minutes, in French and Arabic; it sets earlier approvals aside. */
    @CaseTransactional
    public void proposeMinutes(Viewer viewer, String caseId, String french, String arabic) {
        MeetingState state = meetingFor(viewer, caseId);
        FieldChecks checks = new FieldChecks("coordination");
        checks.required("minutesFr", french, CoordinationKinds.MINUTES_MAX);
        checks.required("minutesAr", arabic, CoordinationKinds.MINUTES_MAX);
        checks.throwIfAny();
        send(viewer, state, CoordinationKinds.MINUTES, new MinutesPayload(french.strip(), arabic.strip()).toJson(),
                "coordination.minutes.propose");
    }

    /** This party's co-chair approves the latest minutes: a signed envelope of the thread. */
    @CaseTransactional
    public void approveMinutes(Viewer viewer, String caseId, String coChairName) {
        if (!viewer.has(Role.JOINT_GROUP_CO_CHAIR)) {
            throw new AccessDeniedException("Only a co-chair approves the minutes");
        }
        MeetingState state = meetingFor(viewer, caseId);
        if (state.minutes() == null) {
            throw new RefusedException("coordination.refused.noMinutes");
        }
        if (state.approvedBy(viewer.party())) {
            throw new RefusedException("coordination.refused.alreadyApproved");
        }
        String name = coChairName == null || coChairName.isBlank() ? viewer.username() : coChairName.strip();
        send(viewer, state, CoordinationKinds.MINUTES_APPROVED,
                new ApprovalPayload(state.minutes().envelopeId(), truncate(name, CoordinationKinds.NAME_MAX)).toJson(),
                "coordination.minutes.approve");
    }

    /** Records a decision of the meeting; with an owner, office and due date it is also an action item. Returns its id. */
    @CaseTransactional
    public String recordDecision(Viewer viewer, String caseId, NewDecision decision) {
        MeetingState state = meetingFor(viewer, caseId);
        FieldChecks checks = new FieldChecks("coordination");
        checks.required("text", decision.text(), CoordinationKinds.TEXT_MAX);
        checks.optional("agendaItem", decision.agendaItem(), CoordinationKinds.TITLE_MAX);
        Action action = null;
        if (decision.hasAction()) {
            String party = decision.ownerParty() == null ? "" : decision.ownerParty().strip().toUpperCase();
            if (!state.parties().contains(party)) {
                checks.fail("ownerParty", "ownerParty");
            }
            checks.required("office", decision.office(), CoordinationKinds.TITLE_MAX);
            LocalDate due = date(checks, "due", decision.due());
            if (due != null && due.isBefore(state.meeting().date())) {
                checks.fail("due", "dueBeforeMeeting");
            }
            if (checks.ok()) {
                action = new Action(party, decision.office().strip(), due);
            }
        }
        if (decision.links().size() > CoordinationKinds.LINKS_MAX
                || decision.links().stream().anyMatch(l -> l.length() > 200)) {
            checks.fail("links", "links");
        }
        checks.throwIfAny();
        DecisionPayload payload = new DecisionPayload(decision.text().strip(),
                blankToNull(decision.agendaItem()), action, decision.links());
        return send(viewer, state, CoordinationKinds.DECISION, payload.toJson(), "coordination.decision.record");
    }

    /** Reports progress on an action item, by the decision's id. */
    @CaseTransactional
    public void reportProgress(Viewer viewer, String decisionId, String status, String note) {
        requireMeetingRole(viewer);
        String caseId = store.caseOfDecision(decisionId).orElseThrow(() -> notFound(decisionId));
        MeetingState state = meetingFor(viewer, caseId);
        FieldChecks checks = new FieldChecks("coordination");
        ActionStatus wanted = ActionStatus.ofApiName(status == null ? "" : status.strip()).orElse(null);
        if (wanted == null) {
            checks.fail("status", "status");
        }
        checks.optional("note", note, CoordinationKinds.TEXT_MAX);
        checks.throwIfAny();
        if (state.decision(decisionId).map(MeetingState.Decision::action).isEmpty()) {
            throw notFound(decisionId);
        }
        send(viewer, state, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload(decisionId, wanted, blankToNull(note)).toJson(), "coordination.action.progress");
    }

    @Transactional(readOnly = true)
    public Page<MeetingSummary> meetings(Viewer viewer, int page, int size) {
        requireMeetingRole(viewer);
        return store.meetings(Page.number(page), Page.size(size));
    }

    /** The meetings to come, soonest first (the home page's and the list's "next meeting"). */
    @Transactional(readOnly = true)
    public List<MeetingSummary> upcoming(Viewer viewer, int limit) {
        requireMeetingRole(viewer);
        return store.upcoming(today(), limit);
    }

    /** A meeting as its thread says; the read is audited. */
    @CaseTransactional
    public Optional<MeetingState> meeting(Viewer viewer, String caseId) {
        requireMeetingRole(viewer);
        Optional<MeetingState> state = state(caseId);
        state.ifPresent(s -> audit.success(viewer, "coordination.meeting.read", CoordinationKinds.CASE_TYPE, caseId));
        return state;
    }

    // Action items

    @Transactional(readOnly = true)
    public Page<ActionItem> actionItems(Viewer viewer, boolean overdueOnly, int page, int size) {
        requireMeetingRole(viewer);
        return store.actionItems(overdueOnly, today(), Page.number(page), Page.size(size));
    }

    /** Whether {@code viewer} works on the group's meetings (secretariat, co-chairs). */
    public boolean worksOnMeetings(Viewer viewer) {
        return viewer.isNode() || MEETING_ROLES.contains(viewer.role());
    }

    /** How many action items are overdue today, for the home page; 0 for those who do not work on meetings. */
    @Transactional(readOnly = true)
    public long overdueActionItems(Viewer viewer) {
        return worksOnMeetings(viewer) ? store.overdueCount(today()) : 0;
    }

    // Indicators, agreements, the pack

    /** Every module's shared indicators for the months from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public IndicatorReport indicators(Viewer viewer, YearMonth from, YearMonth to) {
        if (!viewer.isNode() && !INDICATOR_ROLES.contains(viewer.role())) {
            throw new AccessDeniedException("The shared indicators are for the joint group and the central services");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("to", "coordination.error.period")));
        }
        if (from.plusYears(YEARS_BACK).isBefore(to)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("to", "coordination.error.periodTooLong")));
        }
        List<SharedIndicators.Indicator> all = new ArrayList<>();
        indicatorSources.forEach(source -> all.addAll(source.indicators(from, to)));
        return new IndicatorReport(from, to, List.copyOf(all));
    }

    /** The period the indicators show when none is asked for: the last months up to this one. */
    public YearMonth defaultFrom() {
        return YearMonth.from(today()).minusMonths(properties.indicatorMonths() - 1L);
    }

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public List<CoordinationProperties.Agreement> agreements(Viewer viewer) {
        if (!viewer.isNode() && !INDICATOR_ROLES.contains(viewer.role())) {
            throw new AccessDeniedException("The register is for the joint group and the central services");
        }
        return properties.agreements();
    }

    /**
     * The meeting's pack in {@code language} ({@code ar} or {@code fr}): agenda, indicators since the last meeting of
     * the same kind, open and overdue action items, decisions to take. Empty when the meeting does not exist.
     */
    @CaseTransactional
    public Optional<byte[]> pack(Viewer viewer, String caseId, String language) {
        requireMeetingRole(viewer);
        if (!"ar".equals(language) && !"fr".equals(language)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("lang", "coordination.error.packLanguage")));
        }
        Optional<MeetingState> state = state(caseId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        MeetingState meeting = state.get();
        LocalDate date = meeting.meeting().date();
        YearMonth to = YearMonth.from(date.isAfter(today()) ? today() : date);
        YearMonth from = store.previous(meeting.meeting().type(), date).map(m -> YearMonth.from(m.date()))
                .orElse(to.minusMonths(properties.indicatorMonths() - 1L));
        from = from.isAfter(to) ? to : from;
        IndicatorReport indicators = indicators(Viewer.node(), from, to);
        byte[] pdf = pack.render(new MeetingPack.Contents(meeting, indicators, store.pendingActionItems(), today()),
                language);
        audit.success(viewer, "coordination.pack.read", CoordinationKinds.CASE_TYPE, caseId + "/" + language);
        return Optional.of(pdf);
    }

    // Rules shared by the steps

    private MeetingState meetingFor(Viewer viewer, String caseId) {
        requireMeetingRole(viewer);
        return state(caseId).orElseThrow(() -> notFound(caseId));
    }

    private Optional<MeetingState> state(String caseId) {
        if (caseId == null || caseId.length() > CoordinationKinds.ID_MAX) {
            return Optional.empty();
        }
        var thread = exchange.thread(caseId);
        return MeetingState.holdsMeeting(thread) ? Optional.of(MeetingState.of(thread)) : Optional.empty();
    }

    private String send(Viewer viewer, MeetingState state, String kind, tools.jackson.databind.JsonNode payload,
            String action) {
        List<String> to = state.parties().stream().filter(p -> !p.equals(parties.self().code())).toList();
        String id = exchange.send(caseRef(state.caseId()), kind, to, HANDLING, payload, List.of()).id();
        audit.success(viewer, action, CoordinationKinds.CASE_TYPE, state.caseId());
        return id;
    }

    private void requireMeetingRole(Viewer viewer) {
        if (!worksOnMeetings(viewer)) {
            throw new AccessDeniedException("Meetings are for the joint group's secretariat and co-chairs");
        }
    }

    private List<String> otherParties() {
        return parties.peers().stream().map(Peer::party).map(p -> p.code()).sorted().toList();
    }

    private MeetingPayload validate(NewMeeting meeting) {
        FieldChecks checks = new FieldChecks("coordination");
        MeetingType type = MeetingType.ofApiName(meeting.type() == null ? "" : meeting.type().strip()).orElse(null);
        if (type == null) {
            checks.fail("type", "type");
        }
        checks.required("title", meeting.title(), CoordinationKinds.TITLE_MAX);
        LocalDate date = date(checks, "date", meeting.date());
        checks.required("place", meeting.place(), CoordinationKinds.TITLE_MAX);
        Set<String> known = new java.util.HashSet<>(otherParties());
        known.add(parties.self().code());
        List<Participant> people = new ArrayList<>();
        if (meeting.participants().size() > CoordinationKinds.PARTICIPANTS_MAX) {
            checks.fail("participants", "tooMany");
        }
        for (NewMeeting.Participant p : meeting.participants()) {
            String party = p.party() == null ? "" : p.party().strip().toUpperCase();
            if (!known.contains(party)) {
                checks.fail("participants", "participantParty");
                break;
            }
            if (p.name() == null || p.name().isBlank() || p.name().strip().length() > CoordinationKinds.NAME_MAX
                    || (p.function() != null && p.function().strip().length() > CoordinationKinds.TITLE_MAX)) {
                checks.fail("participants", "participantName");
                break;
            }
            people.add(new Participant(party, p.name().strip(), blankToNull(p.function())));
        }
        List<AgendaItem> items = new ArrayList<>();
        if (meeting.agenda().size() > CoordinationKinds.AGENDA_MAX) {
            checks.fail("agenda", "tooMany");
        }
        for (NewMeeting.AgendaItem item : meeting.agenda()) {
            AgendaItem checked = agendaItem("agenda", item, checks);
            if (checked == null) {
                break;
            }
            items.add(checked);
        }
        checks.throwIfAny();
        return new MeetingPayload(type, meeting.title().strip(), date, meeting.place().strip(), List.copyOf(people),
                List.copyOf(items));
    }

    private static AgendaItem agendaItem(String field, NewMeeting.AgendaItem item, FieldChecks checks) {
        String title = item.title() == null ? "" : item.title().strip();
        if (title.isEmpty() || title.length() > CoordinationKinds.TITLE_MAX) {
            checks.fail(field, "agendaTitle");
            return null;
        }
        String purpose = item.purpose() == null || item.purpose().isBlank() ? "information" : item.purpose().strip();
        if (!purpose.equals("information") && !purpose.equals("decision")) {
            checks.fail(field, "purpose");
            return null;
        }
        return new AgendaItem(title, purpose.equals("decision"));
    }

    private LocalDate date(FieldChecks checks, String field, String text) {
        return checks.date(field, text, today().minusYears(YEARS_BACK), today().plusYears(YEARS_AHEAD));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Today's date in UTC, the date both nodes flag overdue items by. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static CaseRef caseRef(String caseId) {
        return new CaseRef(caseId, CoordinationKinds.CASE_TYPE);
    }

    private static CaseNotFoundException notFound(String id) {
        return new CaseNotFoundException(CoordinationKinds.CASE_TYPE, id);
    }
}
