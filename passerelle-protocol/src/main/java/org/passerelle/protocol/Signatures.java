package org.passerelle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signatures (RFC 8032). Keys are the JDK's own; the arithmetic is Bouncy Castle's, several times
 * faster than the JDK's provider, which matters because every envelope and every receipt is signed and
 * verified (docs/benchmarks.md). What each key costs to prepare (a signer's public key, a verifier's decoded
 * point) is kept for the few keys a node uses, which halves the cost of a signature and trims a verification.
 */
public final class Signatures {

    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32-byte key follows it. */
    private static final int SPKI_PREFIX = 12;
    /** A node uses its own key and its peers': more than this means keys are made on the fly (tests), not kept. */
    private static final int PREPARED_KEYS = 64;
    private static final Map<PrivateKey, byte[]> PUBLIC_OF_PRIVATE = new ConcurrentHashMap<>();
    private static final Map<PublicKey, Optional<Ed25519.PublicPoint>> POINTS = new ConcurrentHashMap<>();

    private Signatures() {
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("The private key does not expose its seed"));
        byte[] publicKey = prepared(PUBLIC_OF_PRIVATE, key, k -> {
            byte[] derived = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, derived, 0);
            return derived;
        });
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        Arrays.fill(seed, (byte) 0);
        return signature;
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Optional<Ed25519.PublicPoint> point = prepared(POINTS, key, k -> {
            byte[] encoded = k.getEncoded();
            return encoded.length != SPKI_PREFIX + Ed25519.PUBLIC_KEY_SIZE ? Optional.empty()
                    : Optional.ofNullable(Ed25519.validatePublicKeyFullExport(encoded, SPKI_PREFIX));
        });
        return point.isPresent() && Ed25519.verify(signature, 0, point.get(), message, 0, message.length);
    }

    private static <K, V> V prepared(Map<K, V> cache, K key, Function<K, V> prepare) {
        V value = cache.get(key);
        if (value == null) {
            if (cache.size() >= PREPARED_KEYS) {
                cache.clear();
            }
            value = prepare.apply(key);
            cache.put(key, value);
        }
        return value;
    }

    /** Fails when a stored private key does not belong to the stored public key (a mixed-up key folder). */
    static void requireMatchingPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "passerelle key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(privateKey, probe))) {
            throw new IllegalStateException("The node's public key file does not match its private key");
        }
    }
}
