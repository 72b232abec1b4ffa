package org.passerelle.protocol;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The shape a kind's payload must have: named fields, each required or optional, each a bounded string, one of a set
 * of words, a date, a list of bounded strings, an object of its own shape, or free JSON. Fields not declared are
 * refused, so both nodes agree on what a payload holds, and a module reading a payload that passed never meets a
 * value of the wrong type.
 */
public final class PayloadSchema {

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}: a date known to the year or the month only. */
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private enum Type { TEXT, ONE_OF, DATE, PARTIAL_DATE, TEXTS, OBJECT, OBJECTS, JSON }

    private record Field(String name, Type type, boolean required, int maxLength, int maxItems, Set<String> allowed,
            PayloadSchema shape) {
    }

    private final List<Field> fields = new ArrayList<>();

    public static PayloadSchema object() {
        return new PayloadSchema();
    }

    public PayloadSchema text(String name, int maxLength) {
        return add(new Field(name, Type.TEXT, true, maxLength, 0, null, null));
    }

    public PayloadSchema optionalText(String name, int maxLength) {
        return add(new Field(name, Type.TEXT, false, maxLength, 0, null, null));
    }

    public PayloadSchema oneOf(String name, Set<String> allowed) {
        return add(new Field(name, Type.ONE_OF, true, Integer.MAX_VALUE, 0, Set.copyOf(allowed), null));
    }

    public PayloadSchema optionalOneOf(String name, Set<String> allowed) {
        return add(new Field(name, Type.ONE_OF, false, Integer.MAX_VALUE, 0, Set.copyOf(allowed), null));
    }

    /** A calendar date, {@code YYYY-MM-DD}. */
    public PayloadSchema date(String name) {
        return add(new Field(name, Type.DATE, true, 10, 0, null, null));
    }

    public PayloadSchema optionalDate(String name) {
        return add(new Field(name, Type.DATE, false, 10, 0, null, null));
    }

    /** A date that may be known to the year or month only: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
    public PayloadSchema optionalPartialDate(String name) {
        return add(new Field(name, Type.PARTIAL_DATE, false, 10, 0, null, null));
    }

    /** A list of one to {@code maxItems} non-blank strings of at most {@code maxLength} characters. */
    public PayloadSchema texts(String name, int maxItems, int maxLength) {
        return add(new Field(name, Type.TEXTS, true, maxLength, maxItems, null, null));
    }

    /** A list of at most {@code maxItems} strings, possibly empty or absent. */
    public PayloadSchema optionalTexts(String name, int maxItems, int maxLength) {
        return add(new Field(name, Type.TEXTS, false, maxLength, maxItems, null, null));
    }

    /** An object with its own shape. */
    public PayloadSchema object(String name, PayloadSchema shape) {
        return add(new Field(name, Type.OBJECT, true, 0, 0, null, shape));
    }

    public PayloadSchema optionalObject(String name, PayloadSchema shape) {
        return add(new Field(name, Type.OBJECT, false, 0, 0, null, shape));
    }

    /** A list of at most {@code maxItems} objects of one shape, possibly empty or absent. */
    public PayloadSchema optionalObjects(String name, int maxItems, PayloadSchema shape) {
        return add(new Field(name, Type.OBJECTS, false, 0, maxItems, null, shape));
    }

    /** A field holding any JSON value (a sub-network, a corrected payload...), checked by the kind's module. */
    public PayloadSchema json(String name) {
        return add(new Field(name, Type.JSON, true, 0, 0, null, null));
    }

    private PayloadSchema add(Field field) {
        if (fields.stream().anyMatch(f -> f.name().equals(field.name()))) {
            throw new IllegalArgumentException("Field '" + field.name() + "' declared twice");
        }
        fields.add(field);
        return this;
    }

    /** What is wrong with a payload, or empty when it fits. */
    public Optional<String> violation(JsonNode payload) {
        return violation(payload, "");
    }

    private Optional<String> violation(JsonNode payload, String path) {
        if (payload == null || !payload.isObject()) {
            return Optional.of(path.isEmpty() ? "the payload must be an object"
                    : "'" + path.substring(0, path.length() - 1) + "' must be an object");
        }
        for (String name : payload.propertyNames()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                return Optional.of("unexpected field '" + path + name + "'");
            }
        }
        for (Field field : fields) {
            JsonNode value = payload.get(field.name());
            String name = path + field.name();
            if (value == null || value.isNull()) {
                if (field.required()) {
                    return Optional.of("missing field '" + name + "'");
                }
                continue;
            }
            Optional<String> problem = switch (field.type()) {
                case JSON -> Optional.empty();
                case OBJECT -> field.shape().violation(value, name + ".");
                case OBJECTS -> objectsViolation(field, name, value);
                case TEXTS -> textsViolation(field, name, value);
                default -> textViolation(field, name, value);
            };
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> objectsViolation(Field field, String name, JsonNode value) {
        if (!value.isArray()) {
            return Optional.of("'" + name + "' must be a list");
        }
        if (value.size() > field.maxItems()) {
            return Optional.of("'" + name + "' has more than " + field.maxItems() + " items");
        }
        for (JsonNode item : value) {
            Optional<String> problem = field.shape().violation(item, name + "[].");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> textsViolation(Field field, String name, JsonNode value) {
        if (!value.isArray()) {
            return Optional.of("'" + name + "' must be a list");
        }
        if (field.required() && value.isEmpty()) {
            return Optional.of("'" + name + "' is empty");
        }
        if (value.size() > field.maxItems()) {
            return Optional.of("'" + name + "' has more than " + field.maxItems() + " items");
        }
        for (JsonNode item : value) {
            Optional<String> problem = textViolation(field, name + "[]", item);
            if (problem.isPresent()) {
                return problem;
            }
            if (item.stringValue().isBlank()) {
                return Optional.of("'" + name + "' holds an empty item");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> textViolation(Field field, String name, JsonNode value) {
        if (!value.isString()) {
            return Optional.of("'" + name + "' must be a string");
        }
        String text = value.stringValue();
        if (field.required() && text.isBlank()) {
            return Optional.of("'" + name + "' is empty");
        }
        if (text.length() > field.maxLength()) {
            return Optional.of("'" + name + "' is longer than " + field.maxLength());
        }
        if (field.allowed() != null && !field.allowed().contains(text)) {
            return Optional.of("'" + name + "' must be one of " + field.allowed());
        }
        if (field.type() == Type.DATE && !isDate(text)) {
            return Optional.of("'" + name + "' must be a date YYYY-MM-DD");
        }
        if (field.type() == Type.PARTIAL_DATE && !isPartialDate(text)) {
            return Optional.of("'" + name + "' must be YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return Optional.empty();
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isPartialDate(String text) {
        if (!PARTIAL_DATE.matcher(text).matches()) {
            return false;
        }
        String[] parts = text.split("-");
        int month = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        return month >= 1 && month <= 12 && (parts.length < 3 || isDate(text));
    }
}
