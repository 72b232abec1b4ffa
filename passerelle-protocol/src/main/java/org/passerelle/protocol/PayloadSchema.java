package org.passerelle.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The shape a kind's payload must have: named fields, each required or optional, each a bounded string, one
 * of a set of words, or free JSON. Fields not declared are refused, so both nodes agree on what a payload holds.
 */
public final class PayloadSchema {

    private record Field(String name, boolean required, int maxLength, Set<String> allowed, boolean json) {
    }

    private final List<Field> fields = new ArrayList<>();

    public static PayloadSchema object() {
        return new PayloadSchema();
    }

    public PayloadSchema text(String name, int maxLength) {
        fields.add(new Field(name, true, maxLength, null, false));
        return this;
    }

    public PayloadSchema optionalText(String name, int maxLength) {
        fields.add(new Field(name, false, maxLength, null, false));
        return this;
    }

    public PayloadSchema oneOf(String name, Set<String> allowed) {
        fields.add(new Field(name, true, Integer.MAX_VALUE, Set.copyOf(allowed), false));
        return this;
    }

    /** A field holding any JSON value (a sub-network, a corrected payload...), checked by the kind's module. */
    public PayloadSchema json(String name) {
        fields.add(new Field(name, true, 0, null, true));
        return this;
    }

    /** What is wrong with a payload, or empty when it fits. */
    public Optional<String> violation(JsonNode payload) {
        for (String name : payload.propertyNames()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                return Optional.of("unexpected field '" + name + "'");
            }
        }
        for (Field field : fields) {
            JsonNode value = payload.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    return Optional.of("missing field '" + field.name() + "'");
                }
                continue;
            }
            if (field.json()) {
                continue;
            }
            if (!value.isString()) {
                return Optional.of("'" + field.name() + "' must be a string");
            }
            String text = value.stringValue();
            if (field.required() && text.isBlank()) {
                return Optional.of("'" + field.name() + "' is empty");
            }
            if (text.length() > field.maxLength()) {
                return Optional.of("'" + field.name() + "' is longer than " + field.maxLength());
            }
            if (field.allowed() != null && !field.allowed().contains(text)) {
                return Optional.of("'" + field.name() + "' must be one of " + field.allowed());
            }
        }
        return Optional.empty();
    }
}
