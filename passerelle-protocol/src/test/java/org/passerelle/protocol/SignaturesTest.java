package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our Ed25519 (Bouncy Castle arithmetic) and the JDK's provider agree both ways: same algorithm, same bytes. */
class SignaturesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 600, 10_000})
    void agreesWithTheJdkProvider(int length) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = new byte[length];
        new Random(length).nextBytes(message);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        byte[] byJdk = jdk.sign();
        byte[] ours = Signatures.sign(pair.getPrivate(), message);

        assertThat(ours).isEqualTo(byJdk); // Ed25519 is deterministic
        assertThat(Signatures.verify(pair.getPublic(), message, byJdk)).isTrue();
        jdk.initVerify(pair.getPublic());
        jdk.update(message);
        assertThat(jdk.verify(ours)).isTrue();

        byte[] tampered = ours.clone();
        tampered[5] ^= 1;
        assertThat(Signatures.verify(pair.getPublic(), message, tampered)).isFalse();
        assertThat(Signatures.verify(pair.getPublic(), "other".getBytes(StandardCharsets.UTF_8), ours)).isFalse();
        assertThat(Signatures.verify(pair.getPublic(), message, new byte[10])).isFalse();
    }
}
