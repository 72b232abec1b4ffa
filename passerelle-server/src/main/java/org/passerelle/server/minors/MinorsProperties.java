package org.passerelle.server.minors;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The minors' settings (src/main/resources/minors-centres.yml): Morocco's protection and training centres, the months
 * after return at which the child is visited, which party records minors and which identifies them, and this party's
 * retention: a case is purged on both nodes once this party's rule says so (the stricter party's rule wins).
 *
 * @param retentionAfterClosure how long a closed case is kept (closed: the last follow-up month after a return, or the
 *        judge's decision that the child stays)
 * @param retentionAfterMajority how long a case is kept after the child comes of age, closed or not
 * @param purgeInterval how often the purge looks for cases whose time has come
 */
@ConfigurationProperties("passerelle.minors")
public record MinorsProperties(@DefaultValue List<Centre> centres,
        @DefaultValue({"1", "3", "6", "12"}) List<String> followUpMonths, @DefaultValue("FR") String recordingParty,
        @DefaultValue("MA") String identifyingParty, @DefaultValue("730d") Duration retentionAfterClosure,
        @DefaultValue("365d") Duration retentionAfterMajority, @DefaultValue("1h") Duration purgeInterval) {

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
