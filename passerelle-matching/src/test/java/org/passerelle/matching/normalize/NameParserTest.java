package org.passerelle.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameParserTest {
    private static List<String> keys(String name) {
        return NameParser.parse(name).stream().map(NameUnit::key).toList();
    }

    @Test
    void titlesInFrontOfANameAreNotNamesInEitherScript() {
        List<String> name = keys("Hekmatullah Ahmadzai");
        assertThat(keys("Haji Hekmatullah Ahmadzai")).isEqualTo(name);
        assertThat(keys("Dr. Mullah Hekmatullah Ahmadzai")).isEqualTo(name);
        assertThat(keys("Al-Hajj Hekmatullah Ahmadzai")).isEqualTo(name);
        assertThat(keys("AHMADZAI, Sheikh Hekmatullah")).containsExactlyElementsOf(keys("AHMADZAI, Hekmatullah"));
        assertThat(keys("الحاج حكمت الله")).isEqualTo(keys("حكمت الله"));
        assertThat(keys("ملا سيد محمد")).isEqualTo(keys("محمد"));
    }

    @Test
    void aTitleLeftAloneOrInsideANameIsAName() {
        assertThat(keys("Sayed")).hasSize(1);
        assertThat(keys("Ahmed Sayed")).hasSize(2);
        assertThat(keys("السيد")).hasSize(1);
        assertThat(keys("EL HAJ CHEIKH, Mohamed")).hasSize(3);
    }
}
