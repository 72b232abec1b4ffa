package org.passerelle.server.intel;

import static org.passerelle.server.shared.Workflow.Side.REQUESTER;
import static org.passerelle.server.shared.Workflow.Side.RESPONDER;

import java.util.Set;
import org.passerelle.server.shared.Workflow;
import org.passerelle.server.shared.Workflow.Transition;

/**
 * The information request's workflow, one table: the responder answers, asks back or declines; the requester clarifies
 * what was asked back. {@link InformationRequestState#of} derives a request's status from it, and
 * {@link InformationRequests} refuses a step it does not allow.
 */
final class InformationRequestWorkflow {

    static final Workflow<RequestStatus> TABLE = new Workflow<>(
            new Transition<>(InformationRequestKinds.ANSWER, RESPONDER,
                    Set.of(RequestStatus.AWAITING_ANSWER, RequestStatus.QUESTION_ASKED), RequestStatus.ANSWERED),
            new Transition<>(InformationRequestKinds.QUESTION, RESPONDER,
                    Set.of(RequestStatus.AWAITING_ANSWER), RequestStatus.QUESTION_ASKED),
            new Transition<>(InformationRequestKinds.CLARIFICATION, REQUESTER,
                    Set.of(RequestStatus.QUESTION_ASKED), RequestStatus.AWAITING_ANSWER),
            new Transition<>(InformationRequestKinds.DECLINE, RESPONDER,
                    Set.of(RequestStatus.AWAITING_ANSWER, RequestStatus.QUESTION_ASKED), RequestStatus.DECLINED));

    private InformationRequestWorkflow() {
    }
}
