package org.passerelle.server.party;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.RequestSignature;
import org.passerelle.protocol.Signatures;
import org.passerelle.protocol.PublicKeys;
import org.springframework.stereotype.Component;

/** The node's signing identity: its Ed25519 key pair, created on first start under {@code <data-dir>/keys}. */
@Component
public class NodeIdentity {

    private final KeyPair keyPair;
    private final EnvelopeSigner signer;

    public NodeIdentity(NodeProperties properties, PartyDirectory parties) {
        this.keyPair = new NodeKeyStore(properties.dataDir().resolve("keys"),
                Optional.of(properties.key().passphrase().toCharArray())).loadOrCreate();
        this.signer = new EnvelopeSigner(parties.self().code(), keyPair.getPrivate());
    }

    /**
     * A symmetric key for encrypting node-private data at rest, derived from the node's private key and a
     * purpose (HKDF-SHA256, RFC 5869), so that stolen database rows are useless without the node's key file.
     */
    public SecretKey dataKey(String purpose) {
        byte[] seed = ((EdECPrivateKey) keyPair.getPrivate()).getBytes().orElseThrow();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("passerelle data key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] prk = mac.doFinal(seed);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return new SecretKeySpec(mac.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** An Ed25519 signature by this node over {@code message}, base64url without padding. */
    public String sign(byte[] message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Signatures.sign(keyPair.getPrivate(), message));
    }

    /** Whether {@code signature} (as {@link #sign} writes it) is this node's over {@code message}. */
    public boolean signedHere(byte[] message, String signature) {
        try {
            return Signatures.verify(keyPair.getPublic(), message, Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Signs envelopes as this node's party. */
    public EnvelopeSigner envelopeSigner() {
        return signer;
    }

    /** Signs an HTTP request to a peer whose body has the hash {@code bodyHash} (see {@link RequestSignature}). */
    public String signRequest(String method, String path, Instant date, String bodyHash) {
        return RequestSignature.sign(keyPair.getPrivate(), method, path, date, bodyHash);
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
