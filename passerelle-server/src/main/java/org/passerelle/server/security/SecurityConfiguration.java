package org.passerelle.server.security;

import org.passerelle.server.web.StaticAssets;
import java.time.Clock;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.passerelle.server.shared.Role;

/**
 * Who may reach what. Pages and API share the same roles; pages sign in with password then TOTP, the API
 * with personal tokens. Everything not listed needs a fully signed-in user.
 */
@Configuration
class SecurityConfiguration {

    /** No inline script or style anywhere, no framing, nothing from another origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm named in each hash so that a later move to Argon2id can rehash on login.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The filter chains exist only when the node serves HTTP; command-line tasks need just the encoder. */
    @Configuration
    @ConditionalOnWebApplication
    @EnableMethodSecurity
    static class HttpRules {

        /** Node-to-node exchange: no user and no cookie; every request carries its node's signature, checked there. */
        @Bean
        @Order(0)
        SecurityFilterChain exchangeChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/exchange/**")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable())
                    .requestCache(c -> c.disable())
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
            return http.build();
        }

        @Bean
        @Order(1)
        SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, AuditTrail audit, AnonymousRefusals anonymous,
                PartyDirectory parties, UserStore users) throws Exception {
            AccessRefusals refusals = new AccessRefusals(audit, anonymous);
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.yaml").permitAll()
                            .requestMatchers("/api/v1/users/**").hasRole(Role.ADMINISTRATOR.name())
                            .requestMatchers("/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                            .anyRequest().hasAuthority(Authorities.SIGNED_IN))
                    .addFilterBefore(new ApiTokenFilter(tokens, anonymous), AuthorizationFilter.class)
                    .addFilterBefore(new SignedInViewer(parties.self().code(), users), AuthorizationFilter.class)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable()) // no cookies on the API: a token must be presented on every call
                    .requestCache(c -> c.disable())
                    .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pagesChain(HttpSecurity http, UserStore users, SecondFactor secondFactor,
                SignInAttempts attempts, AuditTrail audit, AnonymousRefusals anonymous, Clock clock,
                SecurityProperties properties, PartyDirectory parties) throws Exception {
            AccessRefusals refusals = new AccessRefusals(audit, anonymous);
            SignInSteps signIn = new SignInSteps(secondFactor, attempts, audit, anonymous);
            http.authorizeHttpRequests(a -> a
                            .requestMatchers(StaticAssets.patterns()).permitAll()
                            .requestMatchers("/login", "/error", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                    "/actuator/prometheus").permitAll()
                            .requestMatchers("/login/second-factor/**").hasAuthority(Authorities.SECOND_FACTOR_PENDING)
                            .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                            .requestMatchers("/audit/**").hasRole(Role.AUDITOR.name())
                            .anyRequest().hasAuthority(Authorities.SIGNED_IN))
                    .formLogin(f -> f.loginPage("/login").successHandler(signIn).failureHandler(signIn))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                    .exceptionHandling(e -> e.accessDeniedHandler(refusals))
                    .addFilterBefore(new AbsoluteSessionTimeoutFilter(properties.sessionAbsoluteTimeout(), clock), AuthorizationFilter.class)
                    .addFilterBefore(new DisabledAccountSignOut(users), AuthorizationFilter.class)
                    .addFilterBefore(new SignedInViewer(parties.self().code(), users), AuthorizationFilter.class)
                    .addFilterAfter(new PasswordChangeRequired(), AuthorizationFilter.class)
                    .headers(h -> h
                            .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                            .frameOptions(f -> f.deny())
                            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                    "camera=(), microphone=(), geolocation=(), payment=()"))
                            .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
            return http.build();
        }
    }
}
