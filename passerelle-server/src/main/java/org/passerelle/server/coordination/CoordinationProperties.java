package org.passerelle.server.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The joint group's settings (src/main/resources/agreements-coordination.yml): the register of the agreements the
 * cooperation rests on, each commitment with the shared indicators that track it.
 *
 * @param indicatorMonths how many months the indicators page shows when no period is asked for, and the pack when no
 *        earlier meeting of the same kind exists
 */
@ConfigurationProperties("passerelle.coordination")
public record CoordinationProperties(@DefaultValue List<Agreement> agreements, @DefaultValue("12") int indicatorMonths) {

    /** A text of the cooperation: its names by language and its commitments. */
    public record Agreement(String code, LocalDate date, Map<String, String> names, List<Commitment> commitments) {

        public String name(Locale locale) {
            return names.getOrDefault(locale.getLanguage(), names.getOrDefault("fr", code));
        }
    }

    /** A commitment of an agreement and the indicators (keys) that show how it is kept. */
    public record Commitment(Map<String, String> text, List<String> indicators) {

        public String text(Locale locale) {
            return text.getOrDefault(locale.getLanguage(), text.getOrDefault("fr", ""));
        }
    }
}
