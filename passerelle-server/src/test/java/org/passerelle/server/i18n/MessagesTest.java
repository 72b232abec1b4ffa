package org.passerelle.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.exchange.DeliveryState;
import org.passerelle.server.intel.RequestStatus;
import org.passerelle.server.intel.Urgency;
import org.passerelle.server.shared.Role;

/** Keeps the three languages complete and the templates free of hard-coded text. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("ctx\\.t\\(\"([^\"]+)\"\\s*[,)]");
    private static final Pattern TEMPLATE_KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z]+\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
    private static final Pattern SOURCE_KEY = Pattern.compile(
            "FieldError\\([^;]*?\"([a-z][A-Za-z]*\\.[A-Za-z.]+)\"\\)|RefusedException\\(\"([a-z][A-Za-z]*\\.[A-Za-z.]+)\"|Optional\\.of\\(\"([a-z]+\\.[A-Za-z]+)\"\\)|\\?\\s*\"(login\\.[a-zA-Z]+)\"");

    private final Messages messages = new Messages();

    @Test
    void everyLanguageHasExactlyTheSameKeys() {
        Set<String> english = messages.keys(Language.EN);
        for (Language language : Language.values()) {
            Set<String> missing = new HashSet<>(english);
            missing.removeAll(messages.keys(language));
            Set<String> extra = new HashSet<>(messages.keys(language));
            extra.removeAll(english);
            assertThat(missing).as("keys missing in " + language).isEmpty();
            assertThat(extra).as("keys only in " + language).isEmpty();
        }
    }

    @Test
    void noMessageIsLeftUntranslated() {
        for (String key : messages.keys(Language.EN)) {
            String english = messages.get(Language.EN, key);
            if (!key.equals("app.name") && english.chars().anyMatch(Character::isLetter) && english.length() > 3) {
                assertThat(messages.get(Language.AR, key)).as(key + " in Arabic").isNotEqualTo(english);
            }
        }
    }

    @Test
    void everyPatternFormatsInEveryLanguage() {
        for (Language language : Language.values()) {
            for (String key : messages.keys(language)) {
                assertThat(messages.get(language, key, 3, 4)).as(key + " in " + language).doesNotContain("{0");
            }
        }
    }

    /**
     * Every counted message, in every language, at 0, 1, 2, 11 and 100: nothing is "one" of none (French counts 0 as
     * singular, so each French plural needs its own =0), and from 2 on the number itself is shown.
     */
    @Test
    void everyPluralReadsRightAtZeroOneTwoElevenAndAHundred() throws IOException {
        for (Language language : Language.values()) {
            Properties raw = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/messages_" + language.name().toLowerCase(Locale.ROOT)
                    + ".properties")) {
                raw.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : raw.stringPropertyNames()) {
                if (!raw.getProperty(key).contains("plural")) {
                    continue;
                }
                for (int count : new int[] {0, 1, 2, 11, 100}) {
                    String text = messages.get(language, key, count, count, count);
                    String where = key + " in " + language + " at " + count + ": " + text;
                    if (count == 0 && language != Language.AR) {
                        assertThat(text.toLowerCase(Locale.ROOT)).as(where).doesNotContainPattern("\\b(un|une|one)\\b");
                    }
                    if (count >= 11 || count == 2 && language != Language.AR) {
                        assertThat(text).as(where).contains(Integer.toString(count));
                    }
                }
            }
        }
    }

    @Test
    void arabicUsesItsSixPluralForms() {
        Set<String> forms = new HashSet<>();
        for (int count : new int[] {0, 1, 2, 3, 11, 100}) {
            forms.add(messages.get(Language.AR, "users.count", count).replaceAll("\\d+", "#"));
        }
        assertThat(forms).hasSize(6);
        assertThat(messages.get(Language.AR, "users.count", 11)).isEqualTo("11 مستخدمًا");
        assertThat(messages.get(Language.FR, "users.count", 2)).isEqualTo("2 utilisateurs");
        assertThat(messages.get(Language.EN, "users.count", 1)).isEqualTo("One user");
    }

    @Test
    void everyKeyUsedByTemplatesAndCodeExists() throws IOException {
        Map<String, String> used = new TreeMap<>();
        for (Path template : files(TEMPLATES, ".jte")) {
            String text = Files.readString(template);
            collect(TEMPLATE_KEY.matcher(text), template, used);
            collect(TEMPLATE_KEY_LITERAL.matcher(text), template, used);
        }
        for (Path source : files(SOURCES, ".java")) {
            collect(SOURCE_KEY.matcher(Files.readString(source)), source, used);
        }
        for (Role role : Role.values()) {
            used.put(role.messageKey(), "Role");
        }
        for (AuditOutcome outcome : AuditOutcome.values()) {
            used.put("audit.outcome." + outcome.name(), "audit/log.jte");
        }
        for (String status : List.of("400", "401", "403", "404", "405", "other")) {
            used.put("error." + status, "ErrorPageController");
        }
        for (Urgency urgency : Urgency.values()) {
            used.put(urgency.messageKey(), "Urgency");
            used.put(urgency.messageKey() + ".hint", "intel/request-new.jte");
        }
        for (RequestStatus status : RequestStatus.values()) {
            used.put(status.messageKey(), "RequestStatus");
        }
        for (DeliveryState state : DeliveryState.values()) {
            used.put("delivery." + state.name(), "envelope-table.jte");
        }
        for (String code : List.of("H0", "H1", "H2", "H3", "source.A", "source.B", "source.C", "source.X",
                "information.1", "information.2", "information.3", "information.4")) {
            used.put(code.startsWith("H") ? "handling." + code : code, "intel/request-new.jte");
        }
        for (String kind : List.of("request", "answer", "question", "clarification", "decline")) {
            used.put("messageKind." + kind, "InformationRequestState.Message");
        }
        for (org.passerelle.graph.EntityKind kind : org.passerelle.graph.EntityKind.values()) {
            used.put("entity." + kind.name(), "intel/network.jte");
        }
        for (org.passerelle.graph.disruption.DisruptionStrategy strategy : org.passerelle.graph.disruption.DisruptionStrategy.values()) {
            used.put("strategy." + strategy.cliName(), "intel/network.jte");
        }
        for (String key : List.of("measure.degree", "measure.betweenness", "measure.closeness", "measure.pagerank",
                "disruption.sequential", "disruption.block")) {
            used.put(key, "intel/network.jte");
        }
        for (String outcome : List.of("stored", "duplicate", "purged", "corrected")) {
            used.put("receipt." + outcome, "envelope-table.jte");
        }
        for (org.passerelle.server.readmission.ReadmissionStatus status
                : org.passerelle.server.readmission.ReadmissionStatus.values()) {
            used.put(status.messageKey(), "ReadmissionStatus");
        }
        for (org.passerelle.server.readmission.Asylum asylum : org.passerelle.server.readmission.Asylum.values()) {
            used.put(asylum.messageKey(), "Asylum");
        }
        for (org.passerelle.server.readmission.RemovalFailure failure
                : org.passerelle.server.readmission.RemovalFailure.values()) {
            used.put(failure.messageKey(), "RemovalFailure");
        }
        for (org.passerelle.server.readmission.LaissezPasserSeal.Verdict verdict
                : org.passerelle.server.readmission.LaissezPasserSeal.Verdict.values()) {
            used.put(verdict.messageKey(), "LaissezPasserSeal.Verdict");
        }
        for (String kind : List.of("request", "information-needed", "information", "interview", "identified",
                "not-identified", "laissez-passer", "laissez-passer-revoked", "removal-scheduled", "removed",
                "removal-failed", "withdrawn", "reminder")) {
            used.put("readmission.kind." + kind, "ReadmissionState.Step");
        }
        for (org.passerelle.matching.score.Field field : org.passerelle.matching.score.Field.values()) {
            used.put("match.field." + field.label(), "readmission/case.jte");
            for (int level = 0; level < field.levelCount(); level++) {
                used.put("match.level." + field.label() + "." + level, "readmission/case.jte");
            }
        }
        for (org.passerelle.matching.score.Decision decision : org.passerelle.matching.score.Decision.values()) {
            used.put("match.decision." + decision.csv(), "readmission/case.jte");
        }
        for (String field : org.passerelle.server.readmission.Readmissions.DATE_FIELDS) {
            used.put(org.passerelle.server.readmission.Readmissions.DATE_MISSING + field, "Readmissions.date");
            used.put(org.passerelle.server.readmission.Readmissions.DATE_INVALID + field, "Readmissions.date");
        }
        for (String sex : List.of("M", "F")) {
            used.put("readmission.sex." + sex, "readmission/case.jte");
        }
        assertThat(used.size()).isGreaterThan(50);
        used.forEach((key, where) -> assertThat(messages.has(key)).as(key + " used in " + where).isTrue());
    }

    /**
     * Documents (src/main/jte/documents) are printed in the languages the agreement sets, whatever the reader's: a
     * laissez-passer is in French and Arabic side by side. Pages are in the reader's language, from the bundles.
     */
    private static final Path DOCUMENTS = TEMPLATES.resolve("documents");

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        Map<String, List<String>> offenders = new TreeMap<>();
        for (Path template : files(TEMPLATES, ".jte")) {
            if (template.startsWith(DOCUMENTS)) {
                continue;
            }
            List<String> text = TemplateText.hardCodedText(Files.readString(template));
            if (!text.isEmpty()) {
                offenders.put(TEMPLATES.relativize(template).toString(), text);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckerCatchesHardCodedText() {
        assertThat(TemplateText.hardCodedText("@param X ctx\n<p>${ctx.t(\"a.b\")}</p>")).isEmpty();
        assertThat(TemplateText.hardCodedText("<p>Bonjour ${name}</p>")).containsExactly("Bonjour");
        assertThat(TemplateText.hardCodedText("<img alt=\"photo\" src=\"x\">")).hasSize(1);
        assertThat(TemplateText.hardCodedText("@template.layout(t = \"x\", content = @`<b>Salut</b>`)"))
                .containsExactly("Salut");
        assertThat(TemplateText.hardCodedText("@if(a)<i>${b}</i>@else<i>Non</i>@endif")).containsExactly("Non");
    }

    private static void collect(Matcher matcher, Path where, Map<String, String> used) {
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    used.put(matcher.group(group), where.toString());
                }
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
