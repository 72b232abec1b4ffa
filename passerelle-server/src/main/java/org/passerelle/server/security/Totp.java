package org.passerelle.server.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, over HOTP of RFC 4226).
 *
 * <p>Authenticator apps use HMAC-SHA1, 6 digits and 30-second steps; the other algorithms and lengths are
 * here because the RFC's test vectors use them.
 */
public final class Totp {

    /** The settings authenticator apps expect. */
    public static final Totp STANDARD = new Totp("HmacSHA1", 6, 30);

    /** Codes from one step before or after are accepted, for clocks that drift a little. */
    private static final int ALLOWED_DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;

    private final String algorithm;
    private final int digits;
    private final long stepSeconds;

    public Totp(String algorithm, int digits, long stepSeconds) {
        this.algorithm = algorithm;
        this.digits = digits;
        this.stepSeconds = stepSeconds;
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), stepSeconds);
    }

    public String code(byte[] secret, Instant at) {
        return codeForStep(secret, step(at));
    }

    String codeForStep(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * The time step a code belongs to, if it is valid now (within the allowed drift). Callers remember
     * the step of the last accepted code and refuse steps at or before it, so a code cannot be replayed.
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{" + digits + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long current = step(now);
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            byte[] expected = codeForStep(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app reads from the enrolment QR code. */
    public static String provisioningUri(String issuer, String account, byte[] secret) {
        String label = urlEncode(issuer) + ":" + urlEncode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + urlEncode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
