package org.passerelle.server.party;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import java.time.Instant;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.RequestSignature;
import org.passerelle.protocol.PublicKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The node's signing identity: its Ed25519 key pair, created on first start under {@code <data-dir>/keys}. */
@Component
public class NodeIdentity {

    private final KeyPair keyPair;
    private final EnvelopeSigner signer;

    public NodeIdentity(NodeProperties properties, PartyDirectory parties,
            @Value("${PASSERELLE_KEY_PASSPHRASE:}") String passphrase) {
        this.keyPair = new NodeKeyStore(properties.dataDir().resolve("keys"),
                Optional.of(passphrase.toCharArray())).loadOrCreate();
        this.signer = new EnvelopeSigner(parties.self().code(), keyPair.getPrivate());
    }

    /** Signs envelopes as this node's party. */
    public EnvelopeSigner envelopeSigner() {
        return signer;
    }

    /** Signs an HTTP request to a peer (see {@link RequestSignature}). */
    public String signRequest(String method, String path, Instant date, byte[] body) {
        return RequestSignature.sign(keyPair.getPrivate(), method, path, date, body);
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
