package org.passerelle.server.readmission;

import static org.passerelle.server.readmission.ReadmissionStatus.IDENTIFIED;
import static org.passerelle.server.readmission.ReadmissionStatus.INFORMATION_NEEDED;
import static org.passerelle.server.readmission.ReadmissionStatus.INTERVIEW;
import static org.passerelle.server.readmission.ReadmissionStatus.LAISSEZ_PASSER_ISSUED;
import static org.passerelle.server.readmission.ReadmissionStatus.NOT_IDENTIFIED;
import static org.passerelle.server.readmission.ReadmissionStatus.REMOVAL_FAILED;
import static org.passerelle.server.readmission.ReadmissionStatus.REMOVAL_SCHEDULED;
import static org.passerelle.server.readmission.ReadmissionStatus.REMOVED;
import static org.passerelle.server.readmission.ReadmissionStatus.SUBMITTED;
import static org.passerelle.server.readmission.ReadmissionStatus.WITHDRAWN;
import static org.passerelle.server.shared.Workflow.Side.REQUESTER;
import static org.passerelle.server.shared.Workflow.Side.RESPONDER;

import java.util.Set;
import org.passerelle.server.shared.Workflow;
import org.passerelle.server.shared.Workflow.Transition;

/**
 * The readmission case's workflow, one table. The consulate (responder) asks for more, calls an interview, identifies
 * or not, issues and revokes laissez-passers; the prefecture (requester) answers questions, books the flight, records
 * its outcome, or withdraws. What the table cannot say (a second laissez-passer while one is valid, a flight after the
 * laissez-passer's expiry) {@link ReadmissionState#of} checks from the thread, so both nodes refuse the same steps.
 */
final class ReadmissionWorkflow {

    private static final Set<ReadmissionStatus> DECIDING = Set.of(SUBMITTED, INFORMATION_NEEDED, INTERVIEW);

    static final Workflow<ReadmissionStatus> TABLE = new Workflow<>(
            new Transition<>(ReadmissionKinds.INFORMATION_NEEDED, RESPONDER, Set.of(SUBMITTED, INTERVIEW),
                    INFORMATION_NEEDED),
            new Transition<>(ReadmissionKinds.INFORMATION, REQUESTER, Set.of(INFORMATION_NEEDED), SUBMITTED),
            new Transition<>(ReadmissionKinds.INTERVIEW, RESPONDER, Set.of(SUBMITTED, INFORMATION_NEEDED, INTERVIEW),
                    INTERVIEW),
            new Transition<>(ReadmissionKinds.IDENTIFIED, RESPONDER, DECIDING, IDENTIFIED),
            new Transition<>(ReadmissionKinds.NOT_IDENTIFIED, RESPONDER, DECIDING, NOT_IDENTIFIED),
            new Transition<>(ReadmissionKinds.LAISSEZ_PASSER, RESPONDER,
                    Set.of(IDENTIFIED, LAISSEZ_PASSER_ISSUED, REMOVAL_FAILED), LAISSEZ_PASSER_ISSUED),
            new Transition<>(ReadmissionKinds.LAISSEZ_PASSER_REVOKED, RESPONDER,
                    Set.of(LAISSEZ_PASSER_ISSUED, REMOVAL_SCHEDULED, REMOVAL_FAILED), IDENTIFIED),
            new Transition<>(ReadmissionKinds.REMOVAL_SCHEDULED, REQUESTER,
                    Set.of(LAISSEZ_PASSER_ISSUED, REMOVAL_SCHEDULED, REMOVAL_FAILED), REMOVAL_SCHEDULED),
            new Transition<>(ReadmissionKinds.REMOVED, REQUESTER, Set.of(REMOVAL_SCHEDULED), REMOVED),
            new Transition<>(ReadmissionKinds.REMOVAL_FAILED, REQUESTER, Set.of(REMOVAL_SCHEDULED), REMOVAL_FAILED),
            new Transition<>(ReadmissionKinds.WITHDRAWN, REQUESTER,
                    Set.of(SUBMITTED, INFORMATION_NEEDED, INTERVIEW, IDENTIFIED, LAISSEZ_PASSER_ISSUED,
                            REMOVAL_SCHEDULED, REMOVAL_FAILED), WITHDRAWN));

    private ReadmissionWorkflow() {
    }
}
