package org.passerelle.server.minors.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A child's name as the screen shows it: in full, or — when the officer has hidden names, e.g. in an open office or a
 * meeting — only its initials, in whatever script it is written.
 */
public final class ShownName {

    private ShownName() {
    }

    public static String of(String name, boolean hidden) {
        if (!hidden || name == null || name.isBlank()) {
            return name == null ? "" : name;
        }
        return Arrays.stream(name.strip().split("\\s+")).map(part -> part.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".")
                .collect(Collectors.joining(" "));
    }
}
