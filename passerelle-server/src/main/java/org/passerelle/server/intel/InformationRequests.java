package org.passerelle.server.intel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.exchange.ForwardingRefusedException;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.security.InvalidInputException;
import org.passerelle.server.security.InvalidInputException.FieldError;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Information requests: the "exchange of information and expertise" between the parties. Every step is an
 * envelope on the case's thread; the workflow refuses steps that make no sense at the case's stage.
 */
@Service
public class InformationRequests {

    private final Exchange exchange;
    private final PartyDirectory parties;
    private final AgreementProfile profile;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final AuditTrail audit;
    private final CaseTeams teams;
    private final Clock clock;

    public InformationRequests(Exchange exchange, PartyDirectory parties, AgreementProfile profile, JdbcClient jdbc,
            NamedParameterJdbcTemplate batches, AuditTrail audit, CaseTeams teams, Clock clock) {
        this.exchange = exchange;
        this.parties = parties;
        this.profile = profile;
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
        this.teams = teams;
        this.clock = clock;
    }

    /**
     * A thread as shown: the derived state, every envelope with its delivery and signature check, and who on this
     * node works on it (empty: no one has taken it yet).
     */
    public record Thread(InformationRequestState state, List<EnvelopeRecord> envelopes, boolean overdue,
            List<CaseTeams.Member> team) {
    }

    /** Checks a new request without sending it, so a form can show every error before its confirmation page. */
    public Handling validate(NewInformationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.to() == null || parties.peer(request.to()).isEmpty()) {
            errors.add(new FieldError("to", "intel.error.to"));
        }
        if (blank(request.subject()) || request.subject().length() > InformationRequestKinds.SUBJECT_MAX) {
            errors.add(new FieldError("subject", "intel.error.subject"));
        }
        if (blank(request.question()) || request.question().length() > InformationRequestKinds.TEXT_MAX) {
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
    public String open(NewInformationRequest request, List<NewAttachment> attachments) {
        Handling handling = validate(request);
        String caseId = UuidV7.at(clock.instant()).toString();
        ObjectNode payload = EnvelopeJson.object().put("subject", request.subject().strip())
                .put("question", request.question().strip()).put("urgency", parseUrgency(request.urgency()).orElseThrow().name());
        exchange.send(new CaseRef(caseId, InformationRequestKinds.CASE_TYPE), InformationRequestKinds.REQUEST,
                List.of(request.to()), handling, payload, attachments);
        teams.founded(InformationRequestKinds.CASE_TYPE, caseId);
        return caseId;
    }

    /** The responder answers; closes the request. */
    @CaseTransactional
    public void answer(String caseId, String text) {
        reply(caseId, InformationRequestKinds.ANSWER, text, true, RequestStatus.AWAITING_ANSWER, RequestStatus.QUESTION_ASKED);
    }

    /** The responder asks the requester something before answering. */
    @CaseTransactional
    public void askBack(String caseId, String text) {
        reply(caseId, InformationRequestKinds.QUESTION, text, true, RequestStatus.AWAITING_ANSWER);
    }

    /** The requester answers the responder's question. */
    @CaseTransactional
    public void clarify(String caseId, String text) {
        reply(caseId, InformationRequestKinds.CLARIFICATION, text, false, RequestStatus.QUESTION_ASKED);
    }

    /** The responder declines, saying why; closes the request. */
    @CaseTransactional
    public void decline(String caseId, String reason) {
        reply(caseId, InformationRequestKinds.DECLINE, reason, true, RequestStatus.AWAITING_ANSWER, RequestStatus.QUESTION_ASKED);
    }

    /** Withdraws one of this node's messages: the other party purges it and confirms. */
    @CaseTransactional
    public void retract(String caseId, String envelopeId, String reason) {
        working(caseId);
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
     * the other party sent in this request: the case in the address is what the caller was allowed to see.
     */
    @CaseTransactional
    public void forward(String caseId, String envelopeId, String toParty) {
        working(caseId);
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
    public void consent(String caseId, String envelopeId, String toParty) {
        working(caseId);
        if (state(caseId).message(envelopeId).filter(this::sentHere).isEmpty()) {
            throw invalid("envelope", "intel.error.consentNotYours");
        }
        exchange.consent(envelopeId, toParty);
    }

    private boolean sentHere(InformationRequestState.Message message) {
        return message.from().equals(parties.self().code());
    }

    /**
     * Reads a thread for display: a read of shared information, so it is audited (a refusal too). Empty when there is
     * no such request or the user is not on its team.
     */
    @CaseTransactional
    public Optional<Thread> read(String caseId) {
        if (!visible(caseId, "information-request.read")) {
            return Optional.empty();
        }
        InformationRequestState state = state(caseId);
        audit.success("information-request.read", InformationRequestKinds.CASE_TYPE, caseId);
        return Optional.of(new Thread(state, exchange.records(caseId), state.overdueAt(clock.instant()),
                teams.members(InformationRequestKinds.CASE_TYPE, caseId)));
    }

    /** Puts an analyst of this node on the request's team (or takes an unassigned request: one's own name). */
    @CaseTransactional
    public void addToTeam(String caseId, String username) {
        if (!exists(caseId)) {
            throw notFound(caseId);
        }
        teams.add(InformationRequestKinds.CASE_TYPE, caseId, username, () -> notFound(caseId));
    }

    /** An attachment of a request's thread, for download: a read of shared information, so it is audited. */
    @CaseTransactional
    public Optional<byte[]> attachment(String caseId, String sha256) {
        Optional<byte[]> content = visible(caseId, "information-request.attachment.read")
                ? exchange.attachment(caseId, sha256) : Optional.empty();
        content.ifPresent(c -> audit.success("information-request.attachment.read", InformationRequestKinds.CASE_TYPE,
                caseId + "/" + sha256));
        return content;
    }

    /**
     * The requests of this node the user may see (their team's and those no one has taken yet), newest first;
     * {@code overdueOnly} keeps those past their due time. Their subjects are free text that can name people, so
     * listing them is audited like reading one.
     */
    @CaseTransactional
    public List<InformationRequestSummary> list(boolean overdueOnly) {
        Instant now = clock.instant();
        audit.success("information-request.list", InformationRequestKinds.CASE_TYPE, null);
        String visible = teams.visibleCondition(InformationRequestKinds.CASE_TYPE, "r.case_id");
        String select = "SELECT r.*, CASE WHEN " + teams.takenCondition(InformationRequestKinds.CASE_TYPE, "r.case_id")
                + " THEN 1 ELSE 0 END AS taken FROM intel_information_request r WHERE ";
        var query = overdueOnly
                ? jdbc.sql(select + "status = 'AWAITING_ANSWER' AND due_at < :now AND " + visible + " ORDER BY due_at")
                        .param("now", utc(now))
                : jdbc.sql(select + visible + " ORDER BY opened_at DESC");
        return query.param("viewer", teams.viewer()).query((rs, n) -> {
                    Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
                    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
                    return new InformationRequestSummary(rs.getString("case_id"), rs.getString("reference"),
                            rs.getString("requester"), rs.getString("responder"), rs.getString("subject"),
                            Urgency.valueOf(rs.getString("urgency")), status, rs.getString("handling_code"),
                            rs.getObject("opened_at", OffsetDateTime.class).toInstant(), due,
                            status == RequestStatus.AWAITING_ANSWER && now.isAfter(due), rs.getInt("taken") == 1);
                }).list();
    }

    /** What waits for the user among the requests they may see: counts only, so not audited as a read. */
    public record Workload(long awaitingOurReply, long overdue, long notTaken) {
    }

    @CaseTransactional
    public Workload workload() {
        String self = parties.self().code();
        return jdbc.sql("SELECT SUM(CASE WHEN (status = 'AWAITING_ANSWER' AND responder = :self)"
                        + " OR (status = 'QUESTION_ASKED' AND requester = :self) THEN 1 ELSE 0 END) AS our_reply,"
                        + " SUM(CASE WHEN status = 'AWAITING_ANSWER' AND due_at < :now THEN 1 ELSE 0 END) AS overdue,"
                        + " SUM(CASE WHEN " + teams.takenCondition(InformationRequestKinds.CASE_TYPE, "r.case_id")
                        + " THEN 0 ELSE 1 END) AS not_taken FROM intel_information_request r WHERE "
                        + teams.visibleCondition(InformationRequestKinds.CASE_TYPE, "r.case_id"))
                .param("self", self).param("now", utc(clock.instant())).param("viewer", teams.viewer())
                .query((rs, n) -> new Workload(rs.getLong("our_reply"), rs.getLong("overdue"), rs.getLong("not_taken")))
                .single();
    }

    /**
     * Keeps the view table in step with the threads, in the transaction that stored the envelopes: one statement
     * per case, sent to the database as one batch.
     */
    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        // The last envelope of a case carries its whole thread: earlier ones of the same batch add nothing.
        Map<String, CaseThread> threads = new LinkedHashMap<>();
        batch.envelopes().stream().filter(stored -> InformationRequestKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> threads.put(stored.caseId(), stored.thread()));
        if (threads.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        batches.batchUpdate("""
                MERGE INTO intel_information_request r
                USING (VALUES (:id, :ref, :requester, :responder, :subject, :urgency, :status, :code, :opened, :due, :now))
                    AS s (case_id, reference, requester, responder, subject, urgency, status, handling_code, opened_at,
                          due_at, updated_at)
                ON r.case_id = s.case_id
                WHEN MATCHED THEN UPDATE SET reference = s.reference, requester = s.requester, responder = s.responder,
                    subject = s.subject, urgency = s.urgency, status = s.status, handling_code = s.handling_code,
                    opened_at = s.opened_at, due_at = s.due_at, updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT (case_id, reference, requester, responder, subject, urgency, status,
                    handling_code, opened_at, due_at, updated_at)
                VALUES (s.case_id, s.reference, s.requester, s.responder, s.subject, s.urgency, s.status,
                    s.handling_code, s.opened_at, s.due_at, s.updated_at)
                """, threads.values().stream().map(thread -> InformationRequestState.of(thread, profile))
                .map(state -> new MapSqlParameterSource().addValue("id", state.caseId())
                        .addValue("ref", state.reference()).addValue("requester", state.requester())
                        .addValue("responder", state.responder()).addValue("subject", state.subject())
                        .addValue("urgency", state.urgency().name()).addValue("status", state.status().name())
                        .addValue("code", state.handling().code().name()).addValue("opened", utc(state.openedAt()))
                        .addValue("due", utc(state.dueAt())).addValue("now", now))
                .toArray(SqlParameterSource[]::new));
    }

    private void reply(String caseId, String kind, String text, boolean byResponder, RequestStatus... allowedIn) {
        working(caseId);
        InformationRequestState state = state(caseId);
        String self = parties.self().code();
        if (!(byResponder ? state.responder() : state.requester()).equals(self)) {
            throw invalid("text", "intel.error.notYourTurn");
        }
        if (!List.of(allowedIn).contains(state.status())) {
            throw invalid("text", "intel.error.closed");
        }
        if (blank(text) || text.length() > InformationRequestKinds.TEXT_MAX) {
            throw invalid("text", "intel.error.text");
        }
        String other = byResponder ? state.requester() : state.responder();
        exchange.send(new CaseRef(caseId, InformationRequestKinds.CASE_TYPE), kind, List.of(other), state.handling(),
                EnvelopeJson.object().put("text", text.strip()), List.of());
    }

    InformationRequestState state(String caseId) {
        return InformationRequestState.of(exchange.thread(caseId), profile);
    }

    /** Whether the request exists and the user may see it; a refusal is audited under {@code action}. */
    private boolean visible(String caseId, String action) {
        return exists(caseId) && teams.allowed(InformationRequestKinds.CASE_TYPE, caseId, action);
    }

    /**
     * Refuses a step on a request the user may not see, as if it did not exist; working on an unassigned one
     * takes it.
     */
    private void working(String caseId) {
        if (!exists(caseId)) {
            throw notFound(caseId);
        }
        teams.working(InformationRequestKinds.CASE_TYPE, caseId, "information-request.act", () -> notFound(caseId));
    }

    private boolean exists(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_information_request WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() > 0;
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

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
