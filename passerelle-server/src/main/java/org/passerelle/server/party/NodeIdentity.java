package org.passerelle.server.party;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.PublicKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The node's signing identity: its Ed25519 key pair, created on first start under {@code <data-dir>/keys}. */
@Component
public class NodeIdentity {

    private final KeyPair keyPair;

    public NodeIdentity(NodeProperties properties,
            @Value("${PASSERELLE_KEY_PASSPHRASE:}") String passphrase) {
        this.keyPair = new NodeKeyStore(properties.dataDir().resolve("keys"),
                Optional.of(passphrase.toCharArray())).loadOrCreate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    public String exportedPublicKey() {
        return PublicKeys.encode(keyPair.getPublic());
    }

    public String fingerprint() {
        return PublicKeys.fingerprint(keyPair.getPublic());
    }
}
