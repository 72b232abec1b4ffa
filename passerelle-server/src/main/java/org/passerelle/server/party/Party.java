package org.passerelle.server.party;

import java.util.Locale;
import java.util.Map;

/** A party to the cooperation (a state), known by its code and named in each language of the node. */
public record Party(String code, Map<String, String> names) {

    public Party {
        if (code == null || !code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("A party code is two capital letters (ISO 3166), got: " + code);
        }
        names = Map.copyOf(names);
    }

    public String name(Locale locale) {
        return names.getOrDefault(locale.getLanguage(), names.getOrDefault("en", code));
    }
}
