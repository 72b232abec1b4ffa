package org.passerelle.matching.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Items drawn with Zipf–Mandelbrot weights by rank, P(rank r) ∝ 1 / (r + offset)^exponent: a few very common, most
 * rare. The offset flattens the head without shortening the tail; 0 gives plain Zipf.
 */
final class Zipf<T> {
    private final List<T> items;
    private final double[] cumulative;

    Zipf(List<T> items, double exponent) {
        this(items, exponent, 0);
    }

    Zipf(List<T> items, double exponent, double offset) {
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int rank = 0; rank < items.size(); rank++) {
            sum += 1 / Math.pow(rank + 1 + offset, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < items.size(); rank++) {
            cumulative[rank] /= sum;
        }
    }

    T draw(Random random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return items.get(index >= 0 ? index : Math.min(items.size() - 1, -index - 1));
    }

    List<T> all() {
        return items;
    }
}
