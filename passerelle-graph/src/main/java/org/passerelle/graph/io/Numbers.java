package org.passerelle.graph.io;

import java.util.regex.Pattern;

/** Parses weights strictly: plain decimal numbers only, so that typos such as {@code 1O} or {@code NaN} are caught. */
final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** The weight in {@code field}, which must be a finite number &gt;= 0. */
    static double weight(Field field, int lineNumber, String source) {
        String text = field.text();
        if (text.isEmpty()) {
            throw new GraphInputException(source, lineNumber, field.column(), "weight is empty");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new GraphInputException(source, lineNumber, field.column(),
                    "weight '" + text + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new GraphInputException(source, lineNumber, field.column(), "weight '" + text + "' is too large");
        }
        if (value < 0) {
            throw new GraphInputException(source, lineNumber, field.column(),
                    "weight '" + text + "' is negative");
        }
        return value;
    }
}
