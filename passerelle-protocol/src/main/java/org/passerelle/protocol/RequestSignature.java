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
 * the body's hash, so that nothing unsigned is ever accepted, even behind a proxy that terminates TLS.
 */
public final class RequestSignature {

    public static final String NODE_HEADER = "Passerelle-Node";
    public static final String DATE_HEADER = "Passerelle-Date";
    public static final String SIGNATURE_HEADER = "Passerelle-Signature";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private RequestSignature() {
    }

    public static String sign(PrivateKey key, String method, String path, Instant date, byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Signatures.sign(key, input(method, path, date.toString(), body)));
    }

    /** Why the request's signature does not hold, or null when it does. */
    public static String problem(PublicKey key, String method, String path, String date, byte[] body, String signature,
            Instant now) {
        if (date == null || signature == null) {
            return "unsigned request";
        }
        try {
            Instant at = Instant.parse(date);
            if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
                return "request date " + date + " is too far from this node's clock";
            }
            byte[] decoded = Base64.getUrlDecoder().decode(signature);
            return Signatures.verify(key, input(method, path, date, body), decoded) ? null : "bad request signature";
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return "malformed request signature";
        }
    }

    private static byte[] input(String method, String path, String date, byte[] body) {
        return (method + "\n" + path + "\n" + date + "\n" + EnvelopeJson.sha256Hex(body)).getBytes(StandardCharsets.UTF_8);
    }
}
