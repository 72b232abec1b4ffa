package org.passerelle.server.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.Handling;
import org.passerelle.server.shared.Workflow;

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

    /** Which side of the request {@code party} is on, if either. */
    public Optional<Workflow.Side> side(String party) {
        return party.equals(requester) ? Optional.of(Workflow.Side.REQUESTER)
                : party.equals(responder) ? Optional.of(Workflow.Side.RESPONDER) : Optional.empty();
    }

    /**
     * The state of a request from its thread; the thread must start with the request itself. Each later message moves
     * the status as the workflow's table says, if its sender's side may send it from the status reached: any other
     * stays in the thread, shown, but moves nothing (a peer cannot close its own request by "answering" it), and both
     * nodes agree on that as on the rest.
     */
    public static InformationRequestState of(CaseThread thread, AgreementProfile profile) {
        List<CaseThread.Entry> entries = thread.entries();
        CaseThread.Entry first = entries.stream()
                .filter(e -> InformationRequestKinds.REQUEST.equals(e.envelope().kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The thread holds no request"));
        Envelope request = first.envelope();
        InformationRequestKinds.RequestPayload asked = InformationRequestKinds.RequestPayload.of(first.payload());
        // The urgency is read from the envelope as sent: a retraction purges the payload, not the due time.
        Urgency urgency = InformationRequestKinds.RequestPayload.of(request.payload()).urgency();
        RequestStatus status = first.retracted() ? RequestStatus.WITHDRAWN : RequestStatus.AWAITING_ANSWER;
        Instant closedAt = null;
        List<Message> messages = new ArrayList<>();
        for (CaseThread.Entry entry : entries) {
            Envelope e = entry.envelope();
            boolean isRequest = e.id().equals(request.id());
            String text = entry.payload() == null ? null : isRequest
                    ? InformationRequestKinds.RequestPayload.of(entry.payload()).question()
                    : InformationRequestKinds.TextPayload.of(entry.payload()).text();
            messages.add(new Message(e.id(), e.kind(), e.from(), e.sentAt(), text, e.handling(), entry.retracted(),
                    entry.corrected()));
            if (isRequest || entry.retracted() || !status.open()) {
                continue;
            }
            Workflow.Side side = e.from().equals(request.from()) ? Workflow.Side.REQUESTER
                    : request.to().contains(e.from()) ? Workflow.Side.RESPONDER : null;
            Optional<RequestStatus> next = side == null ? Optional.empty()
                    : InformationRequestWorkflow.TABLE.next(status, e.kind(), side);
            if (next.isPresent()) {
                status = next.get();
                closedAt = status.open() ? null : e.sentAt();
            }
        }
        return new InformationRequestState(request.caseRef().id(), reference(request.caseRef().id()), request.from(),
                request.to().get(0), asked == null ? null : asked.subject(), urgency, request.handling(), status,
                request.sentAt(), request.sentAt().plus(profile.replyWithin(urgency)), closedAt, messages);
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
