package org.passerelle.server.exchange;

/**
 * Published, inside the storing transaction, whenever an envelope of a case is stored: sent by this node or
 * received from a peer. A module keeping a view of its cases recomputes it from the case's thread.
 */
public record CaseEnvelopeStored(String caseId, String caseType, String envelopeId, String kind, boolean incoming) {
}
