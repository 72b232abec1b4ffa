package org.passerelle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Detached JWS (RFC 7515 appendix F) with EdDSA (RFC 8037): {@code header..signature}, the payload being the
 * envelope's canonical form, which travels in the envelope itself.
 */
final class DetachedJws {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private DetachedJws() {
    }

    static String sign(String keyId, PrivateKey key, String payload) {
        String header = B64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] signature = Signatures.sign(key, signingInput(header, payload));
        return header + ".." + B64.encodeToString(signature);
    }

    /** True when {@code jws} is a detached EdDSA signature of {@code payload} by {@code key}, issued as {@code keyId}. */
    static boolean verify(String jws, String keyId, PublicKey key, String payload) {
        if (jws == null) {
            return false;
        }
        int separator = jws.indexOf("..");
        if (separator <= 0 || jws.indexOf('.', separator + 2) >= 0) {
            return false;
        }
        String header = jws.substring(0, separator);
        try {
            String headerJson = new String(B64_DECODER.decode(header), StandardCharsets.UTF_8);
            var parsed = EnvelopeJson.readTree(headerJson);
            if (!"EdDSA".equals(parsed.path("alg").asString("")) || !keyId.equals(parsed.path("kid").asString(""))) {
                return false;
            }
            byte[] signature = B64_DECODER.decode(jws.substring(separator + 2));
            return Signatures.verify(key, signingInput(header, payload), signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] signingInput(String header, String payload) {
        return (header + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
