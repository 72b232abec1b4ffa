package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.passerelle.server.shared.Role;

class SecretSealerTest extends NodeTest {

    @Autowired
    SecretSealer sealer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void totpSecretsAreStoredSealedAndBoundToTheirOwner() {
        TestUser user = newUser(Role.ANALYST);
        String stored = jdbc.sql("SELECT totp_secret FROM users WHERE username = :u").param("u", user.username())
                .query(String.class).single();

        assertThat(stored).startsWith("v1:").doesNotContain(user.totpSecret());
        assertThat(sealer.open(stored, user.username())).isEqualTo(user.totpSecret());
        assertThatThrownBy(() -> sealer.open(stored, "someone.else")).hasMessageContaining("does not open");
        assertThat(sealer.seal("SAME", "u")).isNotEqualTo(sealer.seal("SAME", "u"));
    }
}
