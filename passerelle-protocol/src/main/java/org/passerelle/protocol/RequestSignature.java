package org.passerelle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Signs each HTTP request between nodes at the application level, on top of TLS: the method, path, time and
 * the body's hash, so that nothing unsigned is ever accepted, even behind a proxy that terminates TLS. The hash
 * travels in a header too, so that a receiver checks the signature before it reads the body: a caller without a
 * trusted key cannot make it buffer anything.
 */
public final class RequestSignature {

    public static final String NODE_HEADER = "Passerelle-Node";
    public static final String DATE_HEADER = "Passerelle-Date";
    public static final String SIGNATURE_HEADER = "Passerelle-Signature";
    public static final String BODY_HASH_HEADER = "Passerelle-Body-SHA256";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private RequestSignature() {
    }

    /** The value of {@link #BODY_HASH_HEADER} for a body: its SHA-256 in lower-case hex. */
    public static String bodyHash(byte[] body) {
        return EnvelopeJson.sha256Hex(body);
    }

    /** Signs a request whose body has the hash {@code bodyHash} (see {@link #bodyHash}). */
    public static String sign(PrivateKey key, String method, String path, Instant date, String bodyHash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Signatures.sign(key, input(method, path, date.toString(), bodyHash)));
    }

    /**
     * Why the request's signature does not hold over its declared body hash, or null when it does. The body itself
     * must then be checked against {@code bodyHash} once read.
     */
    public static String problem(PublicKey key, String method, String path, String date, String bodyHash,
            String signature, Instant now) {
        if (date == null || signature == null || bodyHash == null) {
            return "unsigned request";
        }
        try {
            Instant at = Instant.parse(date);
            if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
                return "request date " + date + " is too far from this node's clock";
            }
            byte[] decoded = Base64.getUrlDecoder().decode(signature);
            return Signatures.verify(key, input(method, path, date, bodyHash), decoded) ? null : "bad request signature";
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return "malformed request signature";
        }
    }

    private static byte[] input(String method, String path, String date, String bodyHash) {
        return (method + "\n" + path + "\n" + date + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8);
    }
}
