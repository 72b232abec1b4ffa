package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsOnceThenLoadsTheSamePair() throws Exception {
        KeyPair created = new NodeKeyStore(dir, Optional.empty()).loadOrCreate();
        KeyPair loaded = new NodeKeyStore(dir, Optional.empty()).loadOrCreate();

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(created.getPublic().getEncoded());
        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(created.getPrivate().getEncoded());
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(NodeKeyStore.PRIVATE_KEY_FILE)))).isEqualTo("rw-------");
    }

    @Test
    void encryptedKeyNeedsTheRightPassphrase() throws Exception {
        KeyPair created = new NodeKeyStore(dir, Optional.of("correct horse".toCharArray())).loadOrCreate();
        String onDisk = Files.readString(dir.resolve(NodeKeyStore.PRIVATE_KEY_FILE), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("PRIVATE KEY");

        KeyPair loaded = new NodeKeyStore(dir, Optional.of("correct horse".toCharArray())).loadOrCreate();
        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(created.getPrivate().getEncoded());

        assertThatThrownBy(() -> new NodeKeyStore(dir, Optional.of("wrong".toCharArray())).loadOrCreate())
                .hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> new NodeKeyStore(dir, Optional.empty()).loadOrCreate())
                .hasMessageContaining("PASSERELLE_KEY_PASSPHRASE");
    }

    @Test
    void publicKeyTextRoundTripsAndSignaturesVerify() {
        KeyPair pair = new NodeKeyStore(dir, Optional.empty()).loadOrCreate();
        String text = PublicKeys.encode(pair.getPublic());
        byte[] message = "bonjour".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Signatures.sign(pair.getPrivate(), message);

        assertThat(Signatures.verify(PublicKeys.decode(text), message, signature)).isTrue();
        assertThat(Signatures.verify(pair.getPublic(), "bonsoir".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(PublicKeys.fingerprint(pair.getPublic())).matches("([0-9a-f]{4}:){7}[0-9a-f]{4}");
        assertThatThrownBy(() -> PublicKeys.decode("rsa:abc")).hasMessageContaining("ed25519:");
    }
}
