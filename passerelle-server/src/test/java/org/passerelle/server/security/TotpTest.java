package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors, and the acceptance rules built on them. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(new Totp("HmacSHA1", 8, 30).code(SHA1_SEED, at)).isEqualTo(sha1);
        assertThat(new Totp("HmacSHA256", 8, 30).code(SHA256_SEED, at)).isEqualTo(sha256);
        assertThat(new Totp("HmacSHA512", 8, 30).code(SHA512_SEED, at)).isEqualTo(sha512);
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDriftOnly() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        Totp totp = Totp.STANDARD;

        assertThat(totp.matchingStep(secret, totp.code(secret, now), now)).hasValue(totp.step(now));
        assertThat(totp.matchingStep(secret, totp.code(secret, now.minusSeconds(30)), now)).hasValue(totp.step(now) - 1);
        assertThat(totp.matchingStep(secret, totp.code(secret, now.plusSeconds(30)), now)).hasValue(totp.step(now) + 1);
        assertThat(totp.matchingStep(secret, totp.code(secret, now.minusSeconds(90)), now)).isEmpty();
        assertThat(totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void provisioningUriNamesIssuerAccountAndSecret() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.provisioningUri("Passerelle FR", "fr.admin", secret))
                .isEqualTo("otpauth://totp/Passerelle%20FR:fr.admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Passerelle%20FR&algorithm=SHA1&digits=6&period=30");
    }
}
