package org.passerelle.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.security.Authorities;
import org.passerelle.server.security.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Switches the language when a page is asked for with {@code ?lang=}, and keeps the choice: in a cookie for
 * this browser and in the user's account so it follows them to another one.
 */
class LanguageSwitch implements HandlerInterceptor {

    private final LocaleResolver locales;
    private final UserService users;

    LanguageSwitch(LocaleResolver locales, UserService users) {
        this.locales = locales;
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = Authorities.has(user, Authorities.SIGNED_IN);
        Optional<Language> asked = Language.of(request.getParameter("lang"));
        if (asked.isPresent()) {
            locales.setLocale(request, response, asked.get().locale());
            if (signedIn) {
                users.setLocale(user.getName(), asked.get().tag());
            }
        } else if (signedIn && !hasLanguageCookie(request)) {
            users.own(user.getName()).map(a -> a.locale()).flatMap(Language::of)
                    .ifPresent(saved -> locales.setLocale(request, response, saved.locale()));
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
