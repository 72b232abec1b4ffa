package org.passerelle.server.minors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.server.minors.web.ShownName;

class ShownNameTest {

    @Test
    void aHiddenNameShowsItsInitialsInItsOwnScript() {
        assertThat(ShownName.of("Youssef El Amrani", true)).isEqualTo("Y. E. A.");
        assertThat(ShownName.of("يوسف العمراني", true)).isEqualTo("ي. ا.");
        assertThat(ShownName.of("Youssef El Amrani", false)).isEqualTo("Youssef El Amrani");
        assertThat(ShownName.of(null, true)).isEmpty();
    }
}
