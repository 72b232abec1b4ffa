package org.passerelle.server.intel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.exchange.ForwardingRefusedException;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.shared.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Information requests: the "exchange of information and expertise" between the parties, as the analysts' pages and
 * the API use them. Every step is an envelope on the case's thread; the workflow's table refuses a step that makes no
 * sense at the case's stage or comes from the wrong side; the case team decides who on this node sees a request. The
 * view table is {@link InformationRequestStore}'s, kept by {@link InformationRequestViews}.
 */
@Service
public class InformationRequests {

    private final Exchange exchange;
    private final PartyDirectory parties;
    private final AgreementProfile profile;
    private final InformationRequestStore store;
    private final AuditTrail audit;
    private final CaseTeams teams;
    private final Clock clock;

    InformationRequests(Exchange exchange, PartyDirectory parties, AgreementProfile profile,
            InformationRequestStore store, AuditTrail audit, CaseTeams teams, Clock clock) {
        this.exchange = exchange;
        this.parties = parties;
        this.profile = profile;
        this.store = store;
        this.audit = audit;
        this.teams = teams;
        this.clock = clock;
    }

    /**
     * A thread as shown: the derived state, every envelope with its delivery, and who on this node works on it
     * (empty: no one has taken it yet).
     */
    public record Thread(InformationRequestState state, List<EnvelopeRecord> envelopes, boolean overdue,
            List<CaseTeams.Member> team) {

        /** Whether every delivery of this node's envelopes has its answer, so a page need not look again. */
        public boolean settled() {
            return envelopes.stream().allMatch(EnvelopeRecord::settled);
        }
    }

    /** What waits for the viewer among the requests they may see. */
    public record Workload(long awaitingOurReply, long overdue, long notTaken) {
    }

    /** Checks a new request without sending it, so a form can show every error before its confirmation page. */
    public Handling validate(NewInformationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.to() == null || parties.peer(request.to()).isEmpty()) {
            errors.add(new FieldError("to", "intel.error.to"));
        }
        if (blank(request.subject()) || request.subject().length() > InformationRequestKinds.RequestPayload.SUBJECT_MAX) {
            errors.add(new FieldError("subject", "intel.error.subject"));
        }
        if (blank(request.question())
                || request.question().length() > InformationRequestKinds.RequestPayload.QUESTION_MAX) {
            errors.add(new FieldError("question", "intel.error.question"));
        }
        if (parseUrgency(request.urgency()).isEmpty()) {
            errors.add(new FieldError("urgency", "intel.error.urgency"));
        }
        Handling handling = null;
        try {
            handling = new Handling(HandlingCode.valueOf(request.handlingCode()),
                    request.source() == null || request.source().length() != 1 ? '?' : request.source().charAt(0),
                    request.information() == null ? 0 : Integer.parseInt(request.information()), request.restriction());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add("H3".equals(request.handlingCode()) ? new FieldError("restriction", "intel.error.restriction")
                    : new FieldError("handlingCode", "intel.error.handling"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return handling;
    }

    @CaseTransactional
    public String open(Viewer viewer, NewInformationRequest request, List<NewAttachment> attachments) {
        requireAnalyst(viewer);
        Handling handling = validate(request);
        String caseId = UuidV7.at(clock.instant()).toString();
        InformationRequestKinds.RequestPayload payload = new InformationRequestKinds.RequestPayload(
                request.subject().strip(), request.question().strip(), parseUrgency(request.urgency()).orElseThrow());
        exchange.send(new CaseRef(caseId, InformationRequestKinds.CASE_TYPE), InformationRequestKinds.REQUEST,
                List.of(request.to()), handling, payload.toJson(), attachments);
        teams.founded(viewer, InformationRequestKinds.CASE_TYPE, caseId);
        return caseId;
    }

    /** The responder answers; closes the request. */
    @CaseTransactional
    public void answer(Viewer viewer, String caseId, String text) {
        reply(viewer, caseId, InformationRequestKinds.ANSWER, text);
    }

    /** The responder asks the requester something before answering. */
    @CaseTransactional
    public void askBack(Viewer viewer, String caseId, String text) {
        reply(viewer, caseId, InformationRequestKinds.QUESTION, text);
    }

    /** The requester answers the responder's question. */
    @CaseTransactional
    public void clarify(Viewer viewer, String caseId, String text) {
        reply(viewer, caseId, InformationRequestKinds.CLARIFICATION, text);
    }

    /** The responder declines, saying why; closes the request. */
    @CaseTransactional
    public void decline(Viewer viewer, String caseId, String reason) {
        reply(viewer, caseId, InformationRequestKinds.DECLINE, reason);
    }

    /** Withdraws one of this node's messages: the other party purges it and confirms. */
    @CaseTransactional
    public void retract(Viewer viewer, String caseId, String envelopeId, String reason) {
        working(viewer, caseId);
        if (state(caseId).message(envelopeId).filter(m -> sentHere(m) && !m.retracted()).isEmpty()) {
            throw invalid("reason", "intel.error.notYours");
        }
        if (blank(reason)) {
            throw invalid("reason", "intel.error.reason");
        }
        exchange.retract(envelopeId, reason.strip());
    }

    /**
     * Passes the other party's message on to a third party, if its handling code allows it. The message must be one
     * the other party sent in this request: the case in the address is what the viewer was allowed to see.
     */
    @CaseTransactional
    public void forward(Viewer viewer, String caseId, String envelopeId, String toParty) {
        working(viewer, caseId);
        if (state(caseId).message(envelopeId).filter(m -> !sentHere(m)).isEmpty()) {
            throw invalid("envelope", "intel.error.forwardNotReceived");
        }
        try {
            exchange.forward(envelopeId, toParty);
        } catch (ForwardingRefusedException e) {
            throw invalid("to", "intel.error.h2NoConsent");
        }
    }

    /** Allows the other party to pass one of this node's messages in this request on to a third party. */
    @CaseTransactional
    public void consent(Viewer viewer, String caseId, String envelopeId, String toParty) {
        working(viewer, caseId);
        if (state(caseId).message(envelopeId).filter(this::sentHere).isEmpty()) {
            throw invalid("envelope", "intel.error.consentNotYours");
        }
        exchange.consent(envelopeId, toParty);
    }

    private boolean sentHere(InformationRequestState.Message message) {
        return message.from().equals(parties.self().code());
    }

    /**
     * Reads a thread for display: a read of shared information, so it is audited (a refusal too), once per page view.
     * Empty when there is no such request or the viewer is not on its team.
     */
    @CaseTransactional
    public Optional<Thread> read(Viewer viewer, String caseId) {
        Optional<Thread> thread = thread(viewer, caseId, "information-request.read");
        thread.ifPresent(t -> audit.success(viewer, "information-request.read", InformationRequestKinds.CASE_TYPE,
                caseId));
        return thread;
    }

    /**
     * The thread's envelopes and their deliveries again, for a page that follows them until they are settled: what
     * travelled and when, no message's content, so a look is not recorded as a read (a refused one is).
     */
    @CaseTransactional
    public Optional<Thread> deliveries(Viewer viewer, String caseId) {
        return thread(viewer, caseId, "information-request.read");
    }

    private Optional<Thread> thread(Viewer viewer, String caseId, String action) {
        requireAnalyst(viewer);
        if (!visible(viewer, caseId, action)) {
            return Optional.empty();
        }
        InformationRequestState state = state(caseId);
        return Optional.of(new Thread(state, exchange.records(caseId), state.overdueAt(clock.instant()),
                teams.members(InformationRequestKinds.CASE_TYPE, caseId)));
    }

    /** Puts an analyst of this node on the request's team (or takes an unassigned request: one's own name). */
    @CaseTransactional
    public void addToTeam(Viewer viewer, String caseId, String username) {
        requireAnalyst(viewer);
        if (!store.exists(caseId)) {
            throw notFound(caseId);
        }
        teams.add(viewer, InformationRequestKinds.CASE_TYPE, caseId, username, () -> notFound(caseId));
    }

    /** An attachment of a request's thread, for download: a read of shared information, so it is audited. */
    @CaseTransactional
    public Optional<byte[]> attachment(Viewer viewer, String caseId, String sha256) {
        requireAnalyst(viewer);
        Optional<byte[]> content = visible(viewer, caseId, "information-request.attachment.read")
                ? exchange.attachment(caseId, sha256) : Optional.empty();
        content.ifPresent(c -> audit.success(viewer, "information-request.attachment.read",
                InformationRequestKinds.CASE_TYPE, caseId + "/" + sha256));
        return content;
    }

    /**
     * A page of the requests the viewer may see (their team's and those no one has taken yet), newest first;
     * {@code overdueOnly} keeps those past their due time. Their subjects are free text that can name people, so
     * listing them is audited like reading one.
     */
    @CaseTransactional
    public Page<InformationRequestSummary> list(Viewer viewer, boolean overdueOnly, int page, int size) {
        requireAnalyst(viewer);
        audit.success(viewer, "information-request.list", InformationRequestKinds.CASE_TYPE, null);
        return store.page(visibleTo(viewer), teams.takenCondition(InformationRequestKinds.CASE_TYPE,
                InformationRequestStore.CASE_KEY), overdueOnly, clock.instant(), Page.number(page), Page.size(size));
    }

    /** What waits for the viewer among the requests they may see: counts only, so not audited as a read. */
    @CaseTransactional
    public Workload workload(Viewer viewer) {
        requireAnalyst(viewer);
        return store.workload(visibleTo(viewer), teams.takenCondition(InformationRequestKinds.CASE_TYPE,
                InformationRequestStore.CASE_KEY), parties.self().code(), clock.instant());
    }

    private CaseTeams.Condition visibleTo(Viewer viewer) {
        return teams.visibleCondition(viewer, InformationRequestKinds.CASE_TYPE, InformationRequestStore.CASE_KEY);
    }

    /**
     * A message of the request from this node, if the workflow's table lets this node's side send it now, then
     * validated and sent to the other side.
     */
    private void reply(Viewer viewer, String caseId, String kind, String text) {
        working(viewer, caseId);
        InformationRequestState state = state(caseId);
        Workflow.Side side = state.side(parties.self().code()).orElseThrow(() -> notFound(caseId));
        Workflow.Transition<RequestStatus> step = InformationRequestWorkflow.TABLE.transition(kind).orElseThrow();
        if (step.by() != side) {
            throw invalid("text", "intel.error.notYourTurn");
        }
        if (InformationRequestWorkflow.TABLE.next(state.status(), kind, side).isEmpty()) {
            throw invalid("text", "intel.error.closed");
        }
        if (blank(text) || text.length() > InformationRequestKinds.TextPayload.MAX) {
            throw invalid("text", "intel.error.text");
        }
        String other = side == Workflow.Side.RESPONDER ? state.requester() : state.responder();
        exchange.send(new CaseRef(caseId, InformationRequestKinds.CASE_TYPE), kind, List.of(other), state.handling(),
                new InformationRequestKinds.TextPayload(text.strip()).toJson(), List.of());
    }

    InformationRequestState state(String caseId) {
        return InformationRequestState.of(exchange.thread(caseId), profile);
    }

    /** Whether the request exists and the viewer may see it; a refusal is audited under {@code action}. */
    private boolean visible(Viewer viewer, String caseId, String action) {
        return store.exists(caseId) && teams.allowed(viewer, InformationRequestKinds.CASE_TYPE, caseId, action);
    }

    /**
     * Refuses a step on a request the viewer may not see, as if it did not exist; working on an unassigned one
     * takes it.
     */
    private void working(Viewer viewer, String caseId) {
        requireAnalyst(viewer);
        if (!store.exists(caseId)) {
            throw notFound(caseId);
        }
        teams.working(viewer, InformationRequestKinds.CASE_TYPE, caseId, "information-request.act",
                () -> notFound(caseId));
    }

    /** Information requests are the analysts' (or the node's own work): checked here too, not only at the door. */
    private static void requireAnalyst(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.ANALYST)) {
            throw new AccessDeniedException("Information requests are for analysts");
        }
    }

    private static Optional<Urgency> parseUrgency(String text) {
        try {
            return Optional.of(Urgency.valueOf(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static CaseNotFoundException notFound(String caseId) {
        return new CaseNotFoundException(InformationRequestKinds.CASE_TYPE, caseId);
    }

    private static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new FieldError(field, key)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
