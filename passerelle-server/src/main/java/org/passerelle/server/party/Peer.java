package org.passerelle.server.party;

import java.net.URI;
import java.security.PublicKey;
import org.passerelle.protocol.PublicKeys;

/** Another party's node that this node trusts: where it listens and the key its envelopes are signed with. */
public record Peer(Party party, URI baseUrl, PublicKey publicKey) {

    public String fingerprint() {
        return PublicKeys.fingerprint(publicKey);
    }
}
