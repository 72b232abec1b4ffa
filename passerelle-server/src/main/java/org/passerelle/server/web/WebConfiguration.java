package org.passerelle.server.web;

import java.time.Duration;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.security.StaticAssets;
import org.passerelle.server.security.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Language resolution and switching for the pages. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "passerelle-lang";

    private final UserService users;

    WebConfiguration(UserService users) {
        this.users = users;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // A first visit gets the browser's language when we have it, French otherwise.
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null
                ? Language.FR.locale() : Language.of(request.getLocale()).locale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver(), users))
                .excludePathPatterns(StaticAssets.patterns())
                .excludePathPatterns("/api/**");
    }
}
