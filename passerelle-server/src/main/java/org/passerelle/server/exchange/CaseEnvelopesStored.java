package org.passerelle.server.exchange;

import java.util.List;

/**
 * Published, inside the storing transaction, once for the envelopes stored together: one sent by this node, or a
 * run of a batch received from a peer, in their order. A module keeping a view of its cases can update it for all
 * of them in one statement.
 */
public record CaseEnvelopesStored(List<CaseEnvelopeStored> envelopes) {

    public CaseEnvelopesStored {
        envelopes = List.copyOf(envelopes);
    }
}
