package org.passerelle.server.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages every page, message and error exists in. */
public enum Language {
    AR("ar", true, "العربية"),
    FR("fr", false, "Français"),
    EN("en", false, "English");

    private final String tag;
    private final boolean rightToLeft;
    private final String nativeName;

    Language(String tag, boolean rightToLeft, String nativeName) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The value of the {@code dir} attribute of pages in this language. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The language's name in itself, as a language picker shows it. */
    public String nativeName() {
        return nativeName;
    }

    public static Optional<Language> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag == null ? "" : tag)).findFirst();
    }

    public static Language of(Locale locale) {
        return of(locale == null ? null : locale.getLanguage()).orElse(EN);
    }
}
