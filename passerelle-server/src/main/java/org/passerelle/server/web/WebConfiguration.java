package org.passerelle.server.web;

import java.time.Duration;
import java.util.List;
import org.passerelle.server.i18n.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Language resolution and switching for the pages; the viewer as a controller argument, on pages and the API. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "passerelle-lang";

    private final LanguagePreference preferences;

    WebConfiguration(LanguagePreference preferences) {
        this.preferences = preferences;
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
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArguments());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver(), preferences))
                .excludePathPatterns(StaticAssets.patterns())
                .excludePathPatterns("/api/**");
    }
}
