package org.passerelle.server.web;

import java.util.Optional;
import org.passerelle.server.i18n.Language;

/**
 * Where a user's chosen language is kept, so that it follows them from one browser to another. The module that keeps
 * accounts implements it; the pages know none of them.
 */
public interface LanguagePreference {

    Optional<Language> of(String username);

    void keep(String username, Language language);
}
