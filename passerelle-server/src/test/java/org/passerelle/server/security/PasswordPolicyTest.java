package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void namesTheFirstBrokenRule() {
        assertThat(PasswordPolicy.violation("amina", "short")).hasValue("password.tooShort");
        assertThat(PasswordPolicy.violation("amina", "x".repeat(129) + "abc")).hasValue("password.tooLong");
        assertThat(PasswordPolicy.violation("amina", "my-name-is-AMINA")).hasValue("password.containsUsername");
        assertThat(PasswordPolicy.violation("amina", "Password1234")).hasValue("password.tooCommon");
        assertThat(PasswordPolicy.violation("amina", "aaaaaaaaaaaaaaaa")).hasValue("password.tooCommon");
        assertThat(PasswordPolicy.violation("amina", "seven rivers of Oujda")).isEmpty();
    }
}
