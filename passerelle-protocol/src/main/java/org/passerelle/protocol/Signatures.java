package org.passerelle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signatures (RFC 8032). Keys are the JDK's own; the arithmetic is Bouncy Castle's, several times
 * faster than the JDK's provider, which matters because every envelope and every receipt is signed and
 * verified (docs/benchmarks.md).
 */
public final class Signatures {

    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32-byte key follows it. */
    private static final int SPKI_PREFIX = 12;

    private Signatures() {
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("The private key does not expose its seed"));
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        Arrays.fill(seed, (byte) 0);
        return signature;
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        byte[] encoded = key.getEncoded();
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE
                || encoded.length != SPKI_PREFIX + Ed25519.PUBLIC_KEY_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, encoded, SPKI_PREFIX, message, 0, message.length);
    }

    /** Fails when a stored private key does not belong to the stored public key (a mixed-up key folder). */
    static void requireMatchingPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "passerelle key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(privateKey, probe))) {
            throw new IllegalStateException("The node's public key file does not match its private key");
        }
    }
}
