package org.passerelle.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.shared.Viewer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Switches the language when a page is asked for with {@code ?lang=}, and keeps the choice: in a cookie for
 * this browser and in the user's account so it follows them to another one.
 */
class LanguageSwitch implements HandlerInterceptor {

    private final LocaleResolver locales;
    private final LanguagePreference preferences;

    LanguageSwitch(LocaleResolver locales, LanguagePreference preferences) {
        this.locales = locales;
        this.preferences = preferences;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Viewer viewer = request.getAttribute(Viewer.REQUEST_ATTRIBUTE) instanceof Viewer v ? v : null;
        Optional<Language> asked = Language.of(request.getParameter("lang"));
        if (asked.isPresent()) {
            locales.setLocale(request, response, asked.get().locale());
            if (viewer != null) {
                preferences.keep(viewer.username(), asked.get());
            }
        } else if (viewer != null && !hasLanguageCookie(request)) {
            preferences.of(viewer.username()).ifPresent(saved -> locales.setLocale(request, response, saved.locale()));
        }
        return true;
    }

    private static boolean hasLanguageCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var cookie : request.getCookies()) {
            if (WebConfiguration.LANGUAGE_COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
