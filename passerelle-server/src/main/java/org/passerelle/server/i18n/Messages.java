package org.passerelle.server.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every user-facing text, in Arabic, French and English, formatted with ICU MessageFormat so that plurals
 * follow each language's rules (Arabic has six forms: zero, one, two, few, many, other).
 *
 * <p>Bundles are UTF-8 files {@code i18n/messages_<lang>.properties}; a test keeps their keys in step.
 */
@Component
public class Messages {

    static final String BUNDLE = "i18n/messages_%s.properties";

    private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public Messages() {
        for (Language language : Language.values()) {
            bundles.put(language, load(BUNDLE.formatted(language.tag())));
        }
    }

    /** The text of {@code key} in {@code language}; a missing key shows as itself so it is noticed, not hidden. */
    public String get(Language language, String key, Object... arguments) {
        String pattern = bundles.get(language).getProperty(key);
        if (pattern == null) {
            return key;
        }
        if (arguments.length == 0 && !pattern.contains("{")) {
            return pattern;
        }
        MessageFormat format = formats.computeIfAbsent(language.tag() + '\u0000' + key,
                k -> new MessageFormat(pattern, formattingLocale(language)));
        synchronized (format) { // ICU formats are not thread-safe
            return format.format(arguments);
        }
    }

    /** Arabic plural rules, with the Latin digits used in Morocco's administration rather than Arabic-Indic ones. */
    private static ULocale formattingLocale(Language language) {
        return language == Language.AR ? new ULocale("ar@numbers=latn") : new ULocale(language.tag());
    }

    public Set<String> keys(Language language) {
        return bundles.get(language).stringPropertyNames();
    }

    public boolean has(String key) {
        return bundles.get(Language.EN).containsKey(key);
    }

    static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
