package org.passerelle.server.exchange;

import org.passerelle.protocol.CaseThread;

/**
 * Published, inside the storing transaction, whenever an envelope of a case is stored: sent by this node or
 * received from a peer. A module keeping a view of its cases recomputes it from {@code thread}, the case's
 * thread as it stands with this envelope, so that it need not read the thread again.
 */
public record CaseEnvelopeStored(String caseId, String caseType, String envelopeId, String kind, boolean incoming,
        CaseThread thread) {
}
