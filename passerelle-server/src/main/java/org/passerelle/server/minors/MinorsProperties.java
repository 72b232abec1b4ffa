package org.passerelle.server.minors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The minors' settings (src/main/resources/minors-centres.yml): Morocco's protection and training centres, the months
 * after return at which the child is visited, and which party records minors and which identifies them.
 */
@ConfigurationProperties("passerelle.minors")
public record MinorsProperties(@DefaultValue List<Centre> centres,
        @DefaultValue({"1", "3", "6", "12"}) List<String> followUpMonths, @DefaultValue("FR") String recordingParty,
        @DefaultValue("MA") String identifyingParty) {

    /** A protection and training centre: its names by language, its places, its training programmes. */
    public record Centre(String code, Map<String, String> names, int capacity, List<String> programmes) {

        public String name(Locale locale) {
            return names.getOrDefault(locale.getLanguage(), names.getOrDefault("fr", code));
        }
    }

    public Optional<Centre> centre(String code) {
        return centres.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
