package org.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The engine is a plain library: neither Spring nor any jakarta API may reach its classpath. */
class NoFrameworkTest {
    @Test
    void classpathHoldsNoSpringAndNoJakarta() {
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(entries).noneMatch(entry -> entry.contains("springframework") || entry.contains("jakarta"));
        assertThat(isLoadable("org.springframework.context.ApplicationContext")).isFalse();
        assertThat(isLoadable("jakarta.persistence.Entity")).isFalse();
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
