package org.passerelle.protocol;

import java.security.PrivateKey;
import java.time.temporal.ChronoUnit;

/** Signs drafts as one party's node. */
public final class EnvelopeSigner {

    private final String party;
    private final PrivateKey key;

    public EnvelopeSigner(String party, PrivateKey key) {
        this.party = party;
        this.key = key;
    }

    public String party() {
        return party;
    }

    public Envelope sign(EnvelopeDraft draft) {
        if (!draft.from().equals(party)) {
            throw new IllegalArgumentException("This node signs as " + party + ", not as " + draft.from());
        }
        String canonical = EnvelopeJson.canonical(draft);
        // The fields as the canonical form holds them (sent_at to the millisecond), so this envelope equals the
        // one a receiver reconstructs from the wire (EnvelopeSignerTest checks it).
        return new Envelope(Envelope.VERSION, draft.id(), draft.caseRef(), draft.kind(), draft.from(), draft.to(),
                draft.parents(), draft.sentAt().truncatedTo(ChronoUnit.MILLIS), draft.handling(),
                draft.payload() == null ? EnvelopeJson.object() : draft.payload(), draft.attachments(), canonical,
                EnvelopeJson.sha256Hex(canonical), DetachedJws.sign(party, key, canonical));
    }
}
