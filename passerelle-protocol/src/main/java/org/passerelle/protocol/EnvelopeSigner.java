package org.passerelle.protocol;

import java.security.PrivateKey;

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
        // Read back what was signed, so a signed envelope is exactly what a receiver will reconstruct.
        return EnvelopeJson.parse(EnvelopeJson.withSignature(canonical, DetachedJws.sign(party, key, canonical)));
    }
}
