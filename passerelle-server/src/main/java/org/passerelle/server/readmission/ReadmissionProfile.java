package org.passerelle.server.readmission;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The readmission agreement as configuration (src/main/resources/agreement-readmission.yml): deadlines, the detention's
 * review days, the consulates general and the départements of their districts, the prefectures that file requests.
 * Both nodes must run the same profile: each derives a case's clocks from the thread with it.
 *
 * @param replyWithin how long the consulate has to answer a request, from its sending
 * @param laissezPasserValidity how long a laissez-passer is valid from its issue
 * @param detentionReviewDays the days of detention at which a judge must extend it, the last being its legal maximum
 * @param atRiskWithin a case still waiting on Morocco is at risk when less than this remains of the detention
 * @param requestingParty the party whose prefectures file requests
 * @param issuingParty the party whose consulates answer them and issue laissez-passers
 */
@ConfigurationProperties("passerelle.agreement.readmission")
public record ReadmissionProfile(
        @DefaultValue("25d") Duration replyWithin,
        @DefaultValue("60d") Duration laissezPasserValidity,
        @DefaultValue({"4", "30", "60", "75", "90"}) List<Integer> detentionReviewDays,
        @DefaultValue("7d") Duration atRiskWithin,
        @DefaultValue("FR") String requestingParty,
        @DefaultValue("MA") String issuingParty,
        @DefaultValue List<Consulate> consulates,
        @DefaultValue List<Prefecture> prefectures) {

    /** A consulate general: its code, its city's name by language, the départements of its district. */
    public record Consulate(String code, Map<String, String> names, List<String> departements) {

        public String name(Locale locale) {
            return names.getOrDefault(locale.getLanguage(), names.getOrDefault("fr", code));
        }
    }

    /** A prefecture that files requests, named by the code of its département. */
    public record Prefecture(String code, String name) {
    }

    public ReadmissionProfile {
        consulates = List.copyOf(consulates);
        prefectures = List.copyOf(prefectures);
        detentionReviewDays = List.copyOf(detentionReviewDays);
        for (Prefecture prefecture : prefectures) {
            long districts = consulates.stream().filter(c -> c.departements().contains(prefecture.code())).count();
            if (districts != 1) {
                throw new IllegalStateException("Prefecture " + prefecture.code() + " is in " + districts
                        + " consular districts of the readmission profile; it must be in exactly one");
            }
        }
    }

    public Optional<Prefecture> prefecture(String code) {
        return prefectures.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<Consulate> consulate(String code) {
        return consulates.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The consulate whose district holds the prefecture's département. */
    public Optional<Consulate> consulateFor(String prefectureCode) {
        return consulates.stream().filter(c -> c.departements().contains(prefectureCode)).findFirst();
    }

    /** The longest a detention may last, in days: the last review day. */
    public int maximumDetentionDays() {
        return detentionReviewDays.isEmpty() ? 90 : detentionReviewDays.get(detentionReviewDays.size() - 1);
    }
}
