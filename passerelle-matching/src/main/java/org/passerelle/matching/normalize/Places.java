package org.passerelle.matching.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A gazetteer of Moroccan places of birth. Spelling rules cannot tell that Tanger, Tangier and طنجة are one town,
 * or Casablanca and الدار البيضاء, or Mogador and Essaouira: exonyms and old names need a list.
 */
public final class Places {
    private static final Places MOROCCO = load("/org/passerelle/matching/places.tsv");

    /** One place: its Arabic name and its Latin spellings, the first being the usual one. */
    public record Place(String arabic, List<String> latin) {
    }

    /** A place of birth as a record gives it: its key, and the gazetteer's place when known. */
    public record Spelling(String key, Optional<Place> place) {
        public static final Spelling UNKNOWN = new Spelling("", Optional.empty());

        /**
         * One term for the place whatever the spelling: the gazetteer's place (Tanger, Tangier and طنجة are one),
         * else the key of the text as written; empty when no place is given.
         */
        public Optional<String> term() {
            if (key.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(place.map(known -> known.latin().getFirst()).orElse(key));
        }
    }

    private final List<Place> places;
    private final Map<String, Place> byText = new HashMap<>();
    /** Places by key; a key two places share (Oujda and Jadida both reduce to JD) maps to nothing. */
    private final Map<String, Optional<Place>> byKey = new HashMap<>();

    private Places(List<Place> places) {
        this.places = List.copyOf(places);
        for (Place place : places) {
            List<String> spellings = new ArrayList<>(place.latin());
            spellings.add(place.arabic());
            for (String spelling : spellings) {
                byText.put(textOf(spelling), place);
                byKey.merge(keyOf(spelling), Optional.of(place), (a, b) -> a.equals(b) ? a : Optional.empty());
            }
        }
    }

    /** The Moroccan gazetteer shipped with the engine. */
    public static Places morocco() {
        return MOROCCO;
    }

    public List<Place> all() {
        return places;
    }

    /**
     * The place a spelling names, in either script, if the gazetteer knows it: by its exact normalised spelling,
     * else by its key when no other place shares that key.
     */
    public Optional<Place> find(String spelling) {
        Place exact = byText.get(textOf(spelling));
        return exact != null ? Optional.of(exact) : byKey.getOrDefault(keyOf(spelling), Optional.empty());
    }

    /** Key and, when known, gazetteer place of a place-of-birth column. */
    public Spelling spelling(String text) {
        return text.isBlank() ? Spelling.UNKNOWN : new Spelling(keyOf(text), find(text));
    }

    private static String textOf(String spelling) {
        return NameParser.parseWords(spelling).stream().map(NameUnit::text).collect(Collectors.joining(" "));
    }

    /** Bridge keys of the words of a place name, space separated: the form place names are compared in. */
    public static String keyOf(String spelling) {
        return NameParser.parseWords(spelling).stream().map(NameUnit::key).collect(Collectors.joining(" "));
    }

    private static Places load(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Places.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            List<Place> places = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                places.add(new Place(fields[0], List.of(fields).subList(1, fields.length)));
            }
            return new Places(places);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
