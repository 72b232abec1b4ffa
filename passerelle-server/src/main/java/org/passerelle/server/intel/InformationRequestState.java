package org.passerelle.server.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.Handling;
import tools.jackson.databind.JsonNode;

/**
 * An information request as both nodes see it, derived from its thread alone by {@link #of}: the same
 * envelopes give the same status, due time and messages on either side.
 *
 * @param dueAt the request's sending time plus the agreed delay for its urgency
 */
public record InformationRequestState(String caseId, String reference, String requester, String responder,
        String subject, Urgency urgency, Handling handling, RequestStatus status, Instant openedAt, Instant dueAt,
        Instant closedAt, List<Message> messages) {

    /**
     * One message of the thread.
     *
     * @param text the current text: null when retracted, the corrected one when corrected
     */
    public record Message(String envelopeId, String kind, String from, Instant sentAt, String text, Handling handling,
            boolean retracted, boolean corrected) {

        /** The message key naming this kind of message, e.g. {@code messageKind.answer}. */
        public String kindKey() {
            return "messageKind." + kind.substring(kind.indexOf('.') + 1);
        }
    }

    /** The message of this request sent in the envelope {@code envelopeId}, if it is one. */
    public Optional<Message> message(String envelopeId) {
        return messages.stream().filter(m -> m.envelopeId().equals(envelopeId)).findFirst();
    }

    public boolean overdueAt(Instant now) {
        return status == RequestStatus.AWAITING_ANSWER && now.isAfter(dueAt);
    }

    /** The state of a request from its thread; the thread must start with the request itself. */
    public static InformationRequestState of(CaseThread thread, AgreementProfile profile) {
        List<CaseThread.Entry> entries = thread.entries();
        CaseThread.Entry first = entries.stream()
                .filter(e -> InformationRequestKinds.REQUEST.equals(e.envelope().kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The thread holds no request"));
        Envelope request = first.envelope();
        JsonNode question = first.payload();
        Urgency urgency = Urgency.valueOf(request.payload().path("urgency").asString(Urgency.NORMAL.name()));
        RequestStatus status = first.retracted() ? RequestStatus.WITHDRAWN : RequestStatus.AWAITING_ANSWER;
        Instant closedAt = null;
        List<Message> messages = new ArrayList<>();
        for (CaseThread.Entry entry : entries) {
            Envelope e = entry.envelope();
            String text = entry.payload() == null ? null
                    : e.id().equals(request.id()) ? entry.payload().path("question").asString(null) : entry.payload().path("text").asString(null);
            messages.add(new Message(e.id(), e.kind(), e.from(), e.sentAt(), text, e.handling(), entry.retracted(),
                    entry.corrected()));
            if (!status.open() || entry.retracted() || !fromItsRole(e, request)) {
                continue;
            }
            switch (e.kind()) {
                case InformationRequestKinds.ANSWER -> {
                    status = RequestStatus.ANSWERED;
                    closedAt = e.sentAt();
                }
                case InformationRequestKinds.DECLINE -> {
                    status = RequestStatus.DECLINED;
                    closedAt = e.sentAt();
                }
                case InformationRequestKinds.QUESTION -> status = RequestStatus.QUESTION_ASKED;
                case InformationRequestKinds.CLARIFICATION -> status = RequestStatus.AWAITING_ANSWER;
                default -> { }
            }
        }
        return new InformationRequestState(request.caseRef().id(), reference(request.caseRef().id()), request.from(),
                request.to().get(0), question == null ? null : question.path("subject").asString(null), urgency,
                request.handling(), status, request.sentAt(), request.sentAt().plus(profile.replyWithin(urgency)),
                closedAt, messages);
    }

    /**
     * Whether a message comes from the party whose turn it can be: answers, questions and declines from the
     * responder, clarifications from the requester. Any other stays in the thread, shown, but moves nothing: a peer
     * cannot close its own request by "answering" it, and both nodes agree on that as on the rest.
     */
    private static boolean fromItsRole(Envelope message, Envelope request) {
        return switch (message.kind()) {
            case InformationRequestKinds.ANSWER, InformationRequestKinds.QUESTION, InformationRequestKinds.DECLINE ->
                    request.to().contains(message.from());
            case InformationRequestKinds.CLARIFICATION -> message.from().equals(request.from());
            default -> true;
        };
    }

    /**
     * A short reference people can read out: IR- and the last eight characters of the case id. In a UUIDv7 those are
     * random; its first ones are the time, the same for every case opened within a minute or so.
     */
    static String reference(String caseId) {
        String compact = caseId.replace("-", "");
        return "IR-" + compact.substring(Math.max(0, compact.length() - 8)).toUpperCase(java.util.Locale.ROOT);
    }
}
