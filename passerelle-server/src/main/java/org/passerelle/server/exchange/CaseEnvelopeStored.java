package org.passerelle.server.exchange;

import org.passerelle.protocol.CaseThread;

/**
 * An envelope of a case just stored, sent by this node or received from a peer, as {@link CaseEnvelopesStored}
 * announces it. A module keeping a view of its cases recomputes it from {@code thread}, the case's thread as it
 * stands with this envelope, so that it need not read the thread again.
 */
public record CaseEnvelopeStored(String caseId, String caseType, String envelopeId, String kind, boolean incoming,
        CaseThread thread) {
}
