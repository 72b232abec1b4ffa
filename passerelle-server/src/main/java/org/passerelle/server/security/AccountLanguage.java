package org.passerelle.server.security;

import java.util.Optional;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.web.LanguagePreference;
import org.springframework.stereotype.Component;

/** A user's chosen language, kept in their account so that it follows them to another browser. */
@Component
class AccountLanguage implements LanguagePreference {

    private final UserService users;

    AccountLanguage(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<Language> of(String username) {
        return users.own(username).map(UserAccount::locale).flatMap(Language::of);
    }

    @Override
    public void keep(String username, Language language) {
        users.setLocale(username, language.tag());
    }
}
