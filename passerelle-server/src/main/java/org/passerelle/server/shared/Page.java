package org.passerelle.server.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that can be long, and how long the whole list is.
 *
 * @param number the page's number, from 1
 * @param size how many items a full page holds
 * @param total how many items the whole list holds
 */
public record Page<T>(List<T> items, int number, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** The page number asked for, brought within 1 and any number (a page past the end is simply empty). */
    public static int number(int asked) {
        return Math.max(1, asked);
    }

    /** The page size asked for, brought within 1 and {@link #MAX_SIZE}. */
    public static int size(int asked) {
        return Math.min(MAX_SIZE, Math.max(1, asked));
    }

    /** The offset of the first item of page {@code number} of {@code size}. */
    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return (long) number * size < total;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), number, size, total);
    }
}
