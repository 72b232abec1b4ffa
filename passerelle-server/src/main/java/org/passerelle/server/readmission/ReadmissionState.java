package org.passerelle.server.readmission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.server.readmission.ReadmissionKinds.RequestPayload;
import org.passerelle.server.shared.Workflow;
import tools.jackson.databind.JsonNode;

/**
 * A readmission case as its thread says, the same on both nodes: the request, the decisions, the laissez-passers, the
 * flight and its outcome, and the clocks (reply due, detention's end) computed from the envelopes' own times with the
 * agreement's profile. Dates of the agreement (detention, validity, flight) are calendar dates; "today" is the UTC date.
 *
 * @param request the request as sent (null when France retracted it: the case is then withdrawn)
 * @param answeredAt when the consulate first decided (identified or not), null before
 * @param firstReplyAt when the consulate first wrote back (any step), null before
 * @param laissezPassers every laissez-passer issued, oldest first; the last is the current one
 */
public record ReadmissionState(String caseId, String reference, String requester, String responder,
        RequestPayload request, ReadmissionStatus status, Instant openedAt, Instant dueAt, Instant firstReplyAt,
        Instant answeredAt, ReadmissionStatus answer, String personId, List<LaissezPasser> laissezPassers,
        LocalDate flightDate, String escort, LocalDate outcomeDate, RemovalFailure failureReason, Instant closedAt,
        String question, List<Step> steps) {

    /** A laissez-passer of the case. */
    public record LaissezPasser(String number, LocalDate issuedOn, LocalDate validUntil, String seal, Instant issuedAt,
            boolean revoked, String revocationReason) {

        /** Valid on {@code day}: issued, not revoked, not expired. */
        public boolean validOn(LocalDate day) {
            return !revoked && !day.isBefore(issuedOn) && !day.isAfter(validUntil);
        }

        LaissezPasser revoke(String reason) {
            return new LaissezPasser(number, issuedOn, validUntil, seal, issuedAt, true, reason);
        }
    }

    /**
     * One message of the thread as a timeline shows it.
     *
     * @param counted whether it moved the case (a step the workflow does not allow stays shown, moving nothing)
     * @param text its free text (question, answer, reason, note), if any
     * @param date the date it gives (interview, flight, outcome, validity), if any
     * @param detail a value shown as is (place, laissez-passer number), if any
     * @param reasonKey the message key of a coded reason (a failed removal's), if any
     */
    public record Step(String envelopeId, String kind, String from, Instant sentAt, boolean counted, boolean retracted,
            String text, LocalDate date, String detail, String reasonKey) {

        public String messageKey() {
            return "readmission.kind." + kind.substring(kind.indexOf('.') + 1);
        }

        /** A step of the workflow that moved nothing: out of turn, or against the agreement's rules. */
        public boolean refused() {
            return !counted && !retracted && ReadmissionWorkflow.TABLE.transition(kind).isPresent();
        }
    }

    public String displayName() {
        return request == null ? "" : request.person().displayName();
    }

    public Optional<LaissezPasser> laissezPasser() {
        return laissezPassers.isEmpty() ? Optional.empty() : Optional.of(laissezPassers.get(laissezPassers.size() - 1));
    }

    /** The laissez-passer valid on {@code day}, if one is. */
    public Optional<LaissezPasser> validLaissezPasser(LocalDate day) {
        return laissezPasser().filter(lp -> lp.validOn(day));
    }

    public LocalDate detentionEnd() {
        return request == null ? null : request.detentionEnd();
    }

    /** The consulate's decision is late: none yet, past the agreement's reply time. */
    public boolean overdueAt(Instant now) {
        return status.awaitingIdentification() && status != ReadmissionStatus.INFORMATION_NEEDED && now.isAfter(dueAt);
    }

    /**
     * The case may not be settled while the person is held: Morocco has not yet identified the person or issued the
     * laissez-passer, and either its reply falls due after the detention's end or less than the profile's margin
     * remains of the detention.
     */
    public boolean atRiskOn(LocalDate today, ReadmissionProfile profile) {
        if (request == null || !(status.awaitingIdentification() || status == ReadmissionStatus.IDENTIFIED)) {
            return false;
        }
        LocalDate end = request.detentionEnd();
        return day(dueAt).isAfter(end) || !today.plus(profile.atRiskWithin().toDays(), ChronoUnit.DAYS).isBefore(end);
    }

    /** The next day a judge must extend the detention, from {@code today}; empty once past its end. */
    public Optional<LocalDate> nextDetentionReview(LocalDate today, ReadmissionProfile profile) {
        if (request == null) {
            return Optional.empty();
        }
        return profile.detentionReviewDays().stream().map(d -> request.detentionStart().plusDays(d))
                .filter(d -> !d.isBefore(today) && !d.isAfter(request.detentionEnd())).findFirst();
    }

    /** The party that must act next, or empty when the case is closed. */
    public Optional<String> waitingOn() {
        return switch (status) {
            case SUBMITTED, INTERVIEW, IDENTIFIED -> Optional.of(responder);
            case INFORMATION_NEEDED, LAISSEZ_PASSER_ISSUED, REMOVAL_SCHEDULED, REMOVAL_FAILED -> Optional.of(requester);
            case NOT_IDENTIFIED, REMOVED, WITHDRAWN -> Optional.empty();
        };
    }

    /** Which side of the case {@code party} is on, if either. */
    public Optional<Workflow.Side> side(String party) {
        return party.equals(requester) ? Optional.of(Workflow.Side.REQUESTER)
                : party.equals(responder) ? Optional.of(Workflow.Side.RESPONDER) : Optional.empty();
    }

    /**
     * The state of a case from its thread; the thread must hold the request. Each later message moves the status as
     * the workflow's table says, if its sender's side may send it from the status reached and it keeps the
     * agreement's rules: a second laissez-passer while one is valid, a flight after the laissez-passer's expiry or a
     * removal recorded after it move nothing. A message either node cannot read (a corrected payload of the wrong
     * shape) moves nothing either, so both nodes reach the same state from the same thread.
     */
    public static ReadmissionState of(CaseThread thread, ReadmissionProfile profile) {
        CaseThread.Entry first = thread.entries().stream()
                .filter(e -> ReadmissionKinds.REQUEST.equals(e.envelope().kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The thread holds no readmission request"));
        Envelope requestEnvelope = first.envelope();
        Builder state = new Builder(requestEnvelope, readRequest(first));
        for (CaseThread.Entry entry : thread.entries()) {
            if (entry.envelope().id().equals(requestEnvelope.id())) {
                continue;
            }
            state.apply(entry);
        }
        String caseId = requestEnvelope.caseRef().id();
        return new ReadmissionState(caseId, reference(caseId), requestEnvelope.from(), requestEnvelope.to().get(0),
                state.request, state.status, requestEnvelope.sentAt(), requestEnvelope.sentAt().plus(profile.replyWithin()),
                state.firstReplyAt, state.answeredAt, state.answer, state.personId, List.copyOf(state.laissezPassers),
                state.flightDate, state.escort, state.outcomeDate, state.failureReason, state.closedAt, state.question,
                List.copyOf(state.steps));
    }

    private static RequestPayload readRequest(CaseThread.Entry entry) {
        try {
            return entry.retracted() ? null : RequestPayload.of(entry.payload());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The state as the thread is read, message after message. */
    private static final class Builder {
        private final Envelope requestEnvelope;
        private final RequestPayload request;
        private ReadmissionStatus status;
        private Instant firstReplyAt;
        private Instant answeredAt;
        private ReadmissionStatus answer;
        private String personId;
        private final List<LaissezPasser> laissezPassers = new ArrayList<>();
        private LocalDate flightDate;
        private String escort;
        private LocalDate outcomeDate;
        private RemovalFailure failureReason;
        private Instant closedAt;
        private String question;
        private final List<Step> steps = new ArrayList<>();

        Builder(Envelope requestEnvelope, RequestPayload request) {
            this.requestEnvelope = requestEnvelope;
            this.request = request;
            this.status = request == null ? ReadmissionStatus.WITHDRAWN : ReadmissionStatus.SUBMITTED;
            steps.add(new Step(requestEnvelope.id(), requestEnvelope.kind(), requestEnvelope.from(),
                    requestEnvelope.sentAt(), true, request == null, null,
                    request == null ? null : request.detentionEnd(), null, null));
            if (request == null) {
                closedAt = requestEnvelope.sentAt();
            }
        }

        void apply(CaseThread.Entry entry) {
            Envelope e = entry.envelope();
            Workflow.Side side = e.from().equals(requestEnvelope.from()) ? Workflow.Side.REQUESTER
                    : requestEnvelope.to().contains(e.from()) ? Workflow.Side.RESPONDER : null;
            if (side == Workflow.Side.RESPONDER && firstReplyAt == null && !entry.retracted()
                    && !ReadmissionKinds.REMINDER.equals(e.kind())) {
                firstReplyAt = e.sentAt();
            }
            Step shown;
            boolean counted = false;
            try {
                shown = step(e, entry.payload(), entry.retracted());
                Optional<ReadmissionStatus> next = side == null || entry.retracted() ? Optional.empty()
                        : ReadmissionWorkflow.TABLE.next(status, e.kind(), side);
                if (next.isPresent() && keepsTheAgreement(e, entry.payload())) {
                    move(e, entry.payload(), next.get());
                    counted = true;
                }
            } catch (RuntimeException unreadable) {
                shown = new Step(e.id(), e.kind(), e.from(), e.sentAt(), false, entry.retracted(), null, null, null,
                        null);
            }
            steps.add(new Step(shown.envelopeId(), shown.kind(), shown.from(), shown.sentAt(), counted,
                    shown.retracted(), shown.text(), shown.date(), shown.detail(), shown.reasonKey()));
        }

        /** The rules the table cannot state, read from the thread so that both nodes apply them alike. */
        private boolean keepsTheAgreement(Envelope e, JsonNode payload) {
            LocalDate sentOn = day(e.sentAt());
            Optional<LaissezPasser> current = laissezPassers.isEmpty() ? Optional.empty()
                    : Optional.of(laissezPassers.get(laissezPassers.size() - 1));
            return switch (e.kind()) {
                case ReadmissionKinds.LAISSEZ_PASSER -> current.filter(lp -> lp.validOn(sentOn)).isEmpty();
                case ReadmissionKinds.REMOVAL_SCHEDULED -> current.filter(lp -> !lp.revoked()
                        && !ReadmissionKinds.FlightPayload.of(payload).flightDate().isAfter(lp.validUntil())).isPresent();
                case ReadmissionKinds.REMOVED -> current.filter(lp -> !lp.revoked()
                        && !ReadmissionKinds.OutcomePayload.of(payload).date().isAfter(lp.validUntil())).isPresent();
                case ReadmissionKinds.LAISSEZ_PASSER_REVOKED -> current.filter(lp -> !lp.revoked()
                        && lp.number().equals(ReadmissionKinds.RevocationPayload.of(payload).number())).isPresent();
                default -> true;
            };
        }

        private void move(Envelope e, JsonNode payload, ReadmissionStatus next) {
            switch (e.kind()) {
                case ReadmissionKinds.INFORMATION_NEEDED -> question = ReadmissionKinds.TextPayload.of(payload).text();
                case ReadmissionKinds.INFORMATION -> question = null;
                case ReadmissionKinds.IDENTIFIED -> {
                    personId = ReadmissionKinds.IdentifiedPayload.of(payload).personId();
                    decided(e, next);
                }
                case ReadmissionKinds.NOT_IDENTIFIED -> decided(e, next);
                case ReadmissionKinds.LAISSEZ_PASSER -> {
                    ReadmissionKinds.LaissezPasserPayload lp = ReadmissionKinds.LaissezPasserPayload.of(payload);
                    laissezPassers.add(new LaissezPasser(lp.number(), lp.issuedOn(), lp.validUntil(), lp.seal(),
                            e.sentAt(), false, null));
                }
                case ReadmissionKinds.LAISSEZ_PASSER_REVOKED -> laissezPassers.set(laissezPassers.size() - 1,
                        laissezPassers.get(laissezPassers.size() - 1)
                                .revoke(ReadmissionKinds.RevocationPayload.of(payload).reason()));
                case ReadmissionKinds.REMOVAL_SCHEDULED -> {
                    ReadmissionKinds.FlightPayload flight = ReadmissionKinds.FlightPayload.of(payload);
                    flightDate = flight.flightDate();
                    escort = flight.escort();
                    outcomeDate = null;
                    failureReason = null;
                }
                case ReadmissionKinds.REMOVED, ReadmissionKinds.REMOVAL_FAILED -> {
                    ReadmissionKinds.OutcomePayload outcome = ReadmissionKinds.OutcomePayload.of(payload);
                    outcomeDate = outcome.date();
                    failureReason = ReadmissionKinds.REMOVED.equals(e.kind()) ? null : outcome.reason();
                }
                default -> { }
            }
            status = next;
            closedAt = next.open() ? null : e.sentAt();
        }

        private void decided(Envelope e, ReadmissionStatus decision) {
            question = null;
            if (answeredAt == null) {
                answeredAt = e.sentAt();
                answer = decision;
            }
        }

        private static Step step(Envelope e, JsonNode payload, boolean retracted) {
            String text = null;
            LocalDate date = null;
            String detail = null;
            String reasonKey = null;
            if (payload != null) {
                switch (e.kind()) {
                    case ReadmissionKinds.INTERVIEW -> {
                        ReadmissionKinds.InterviewPayload interview = ReadmissionKinds.InterviewPayload.of(payload);
                        date = interview.date();
                        detail = interview.place();
                        text = interview.note();
                    }
                    case ReadmissionKinds.IDENTIFIED -> {
                        ReadmissionKinds.IdentifiedPayload identified = ReadmissionKinds.IdentifiedPayload.of(payload);
                        detail = identified.personId();
                        text = identified.note();
                    }
                    case ReadmissionKinds.LAISSEZ_PASSER -> {
                        ReadmissionKinds.LaissezPasserPayload lp = ReadmissionKinds.LaissezPasserPayload.of(payload);
                        detail = lp.number();
                        date = lp.validUntil();
                    }
                    case ReadmissionKinds.LAISSEZ_PASSER_REVOKED -> {
                        ReadmissionKinds.RevocationPayload revocation = ReadmissionKinds.RevocationPayload.of(payload);
                        detail = revocation.number();
                        text = revocation.reason();
                    }
                    case ReadmissionKinds.REMOVAL_SCHEDULED -> {
                        ReadmissionKinds.FlightPayload flight = ReadmissionKinds.FlightPayload.of(payload);
                        date = flight.flightDate();
                        detail = flight.escort();
                    }
                    case ReadmissionKinds.REMOVED, ReadmissionKinds.REMOVAL_FAILED -> {
                        ReadmissionKinds.OutcomePayload outcome = ReadmissionKinds.OutcomePayload.of(payload);
                        date = outcome.date();
                        text = outcome.note();
                        reasonKey = outcome.reason() == null ? null : outcome.reason().messageKey();
                    }
                    default -> text = ReadmissionKinds.TextPayload.of(payload).text();
                }
            }
            return new Step(e.id(), e.kind(), e.from(), e.sentAt(), false, retracted, text, date, detail, reasonKey);
        }
    }

    /** The UTC calendar day of an instant: the day both nodes count the agreement's dates in. */
    static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * A short reference people can read out: RA- and the last eight characters of the case id (in a UUIDv7 those are
     * random; the first ones are the time).
     */
    static String reference(String caseId) {
        String compact = caseId.replace("-", "");
        return "RA-" + compact.substring(Math.max(0, compact.length() - 8)).toUpperCase(Locale.ROOT);
    }
}
