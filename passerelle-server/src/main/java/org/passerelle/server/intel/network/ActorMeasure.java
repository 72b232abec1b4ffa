package org.passerelle.server.intel.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The measures the key-actors table is sorted by and the drawing sizes actors with. */
public enum ActorMeasure {
    BETWEENNESS(Actor::betweenness),
    DEGREE(Actor::degree),
    CLOSENESS(Actor::closeness),
    PAGERANK(Actor::pagerank);

    private final ToDoubleFunction<Actor> value;

    ActorMeasure(ToDoubleFunction<Actor> value) {
        this.value = value;
    }

    public double of(Actor actor) {
        return value.applyAsDouble(actor);
    }

    /** The measure's name in addresses and message keys ({@code measure.betweenness}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The measure named {@code key}; betweenness, the default, for any other text. */
    public static ActorMeasure of(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst().orElse(BETWEENNESS);
    }
}
