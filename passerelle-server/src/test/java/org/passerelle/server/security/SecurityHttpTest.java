package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.InvalidInputException;

/** Sign-in, lock-out, refusals, headers and tokens, over real HTTP against a running node. */
class SecurityHttpTest extends NodeTest {

    @Autowired
    AuditLog audit;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserStore store;

    @Autowired
    SecretSealer sealer;

    private static final Pattern ENROLMENT_SECRET = Pattern.compile("<code class=\"secret\" dir=\"ltr\">([A-Z2-7 ]+)</code>");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void passwordAloneGivesAccessOnlyToTheSecondFactorPage() {
        TestUser user = newUser(Role.ANALYST);
        WebSession session = new WebSession(baseUrl());
        session.get("/login");
        HttpResponse<String> afterPassword = session.post("/login",
                Map.of("username", user.username(), "password", user.password()));
        assertThat(afterPassword.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));

        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor");

        session.get("/login/second-factor");
        HttpResponse<String> wrong = session.post("/login/second-factor", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("error-summary");

        session.get("/login/second-factor");
        HttpResponse<String> right = session.post("/login/second-factor",
                Map.of("code", WebSession.currentCode(user.totpSecret())));
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.search(new AuditFilter(user.username(), "login", null, null, null, 10)))
                .extracting(e -> e.event().action() + ":" + e.event().outcome())
                .contains("login:SUCCESS", "login.password:SUCCESS", "login.totp:FAILURE");
    }

    @Test
    void aTotpCodeCannotBeUsedTwice() {
        TestUser user = newUser(Role.ANALYST);
        WebSession first = passwordStep(user);
        WebSession second = passwordStep(user);
        String code = WebSession.currentCode(user.totpSecret());

        HttpResponse<String> accepted = first.post("/login/second-factor", Map.of("code", code));
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> replayed = second.post("/login/second-factor", Map.of("code", code));
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("error-summary");
    }

    @Test
    void thePasswordAloneCannotReplaceAnAccountsAuthenticator() {
        TestUser user = newUser(Role.ANALYST);
        WebSession attacker = passwordStep(user);
        HttpResponse<String> enrolPage = attacker.get("/login/second-factor/enrol");
        assertThat(enrolPage.statusCode()).isEqualTo(302);
        assertThat(enrolPage.headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor");
        assertThat(attacker.get("/login/second-factor/enrol/qr.svg").statusCode()).isEqualTo(404);

        String attackersSecret = Base32.encode(Totp.newSecret());
        HttpResponse<String> enrolment = attacker.post("/login/second-factor/enrol",
                Map.of("code", WebSession.currentCode(attackersSecret)));
        assertThat(enrolment.headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor");
        assertThat(attacker.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor");
        assertThat(secondFactorOf(user.username())).contains(user.totpSecret());
    }

    @Test
    void aCodeIsRefusedOnceTheAccountWasDisabledAfterItsPassword() {
        TestUser user = newUser(Role.ANALYST);
        WebSession session = passwordStep(user);
        users.setEnabled(user.username(), false);
        HttpResponse<String> refused = session.post("/login/second-factor",
                Map.of("code", WebSession.currentCode(user.totpSecret())));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        assertThat(session.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionEndsAtItsNextRequestOnceItsAccountIsDisabled() {
        TestUser user = newUser(Role.ANALYST);
        WebSession session = passwordStep(user);
        session.post("/login/second-factor", Map.of("code", WebSession.currentCode(user.totpSecret())));
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        users.setEnabled(user.username(), false);
        HttpResponse<String> next = session.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        users.setEnabled(user.username(), true);
        assertThat(session.get("/").headers().firstValue("Location").orElseThrow()).as("the session is gone")
                .endsWith("/login");
    }

    @Test
    void eitherResetRevokesTheAccountsApiTokens() {
        for (java.util.function.Consumer<String> reset : List.<java.util.function.Consumer<String>>of(
                users::resetPassword, users::resetSecondFactor)) {
            TestUser user = newUser(Role.ANALYST);
            tokens.issue(user.username(), "before the reset");
            reset.accept(user.username());
            assertThat(tokens.list(user.username())).allSatisfy(token -> assertThat(token.revokedAt()).isNotNull())
                    .isNotEmpty();
        }
    }

    /** A lost phone: the authenticator goes, the user's own password stays, and no credential passes the administrator. */
    @Test
    void aSecondFactorResetKeepsThePasswordAndAsksForANewAuthenticator() {
        TestUser user = newUser(Role.ANALYST);
        users.resetSecondFactor(user.username());
        WebSession session = new WebSession(baseUrl());
        session.get("/login");
        assertThat(session.post("/login", Map.of("username", user.username(), "password", user.password()))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor/enrol");
        Matcher secret = ENROLMENT_SECRET.matcher(session.get("/login/second-factor/enrol").body());
        assertThat(secret.find()).isTrue();
        assertThat(secret.group(1).replace(" ", "")).as("a new secret").isNotEqualTo(user.totpSecret());
        session.post("/login/second-factor/enrol", Map.of("code", WebSession.currentCode(secret.group(1).replace(" ", ""))));
        assertThat(session.get("/").statusCode()).as("no password to change: it is the user's own").isEqualTo(200);
        assertThat(audit.search(new AuditFilter(null, "user.reset-second-factor", user.username(), null, null, 5)))
                .hasSize(1);
    }

    private WebSession passwordStep(TestUser user) {
        WebSession session = new WebSession(baseUrl());
        session.get("/login");
        session.post("/login", Map.of("username", user.username(), "password", user.password()));
        session.get("/login/second-factor");
        return session;
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        TestUser user = newUser(Role.AUDITOR);
        WebSession session = new WebSession(baseUrl());
        for (int attempt = 0; attempt < SignInAttempts.MAX_FAILED_ATTEMPTS; attempt++) {
            session.get("/login");
            HttpResponse<String> failed = session.post("/login", Map.of("username", user.username(), "password", "wrong password " + attempt));
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        }
        session.get("/login");
        HttpResponse<String> locked = session.post("/login", Map.of("username", user.username(), "password", user.password()));
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        assertThat(users.own(user.username()).orElseThrow().lockedUntil()).isNotNull();
        // Before the password is checked nobody is signed in: the attempt is recorded against the account.
        assertThat(audit.search(new AuditFilter("anonymous", "login.password", user.username(), null, null, 10)))
                .extracting(e -> e.event().details()).contains("account locked", "bad credentials");
    }

    @Test
    void aRoleIsRefusedWhatItMayNotSeeAndTheRefusalIsAudited() {
        TestUser officer = newUser(Role.PREFECTURE_OFFICER);
        WebSession session = new WebSession(baseUrl());
        session.signIn(officer);

        for (String page : new String[] {"/admin/users", "/audit"}) {
            HttpResponse<String> refused = session.get(page);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("403").doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(audit.search(new AuditFilter(officer.username(), "access.denied", null, null, null, 10)))
                .extracting(e -> e.event().recordId()).contains("GET /admin/users", "GET /audit");
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        TestUser user = newUser(Role.CHILD_PROTECTION_OFFICER);
        WebSession session = new WebSession(baseUrl());
        session.signIn(user);
        session.get("/account");
        HttpResponse<String> wrong = session.post("/account/password",
                Map.of("current", "not my password", "replacement", "a river runs through Fes"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("error-summary", "href=\"#current\"");
        session.get("/account");
        HttpResponse<String> weak = session.post("/account/password", Map.of("current", user.password(), "replacement", "short"));
        assertThat(weak.body()).contains("href=\"#replacement\"");
        session.get("/account");
        HttpResponse<String> changed = session.post("/account/password",
                Map.of("current", user.password(), "replacement", "a river runs through Fes"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");

        WebSession next = new WebSession(baseUrl());
        next.get("/login");
        assertThat(next.post("/login", Map.of("username", user.username(), "password", user.password()))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        next.get("/login");
        assertThat(next.post("/login", Map.of("username", user.username(), "password", "a river runs through Fes"))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login/second-factor");
        assertThat(audit.search(new AuditFilter(user.username(), "user.password.change", null, null, null, 5)))
                .extracting(e -> e.event().outcome()).contains(AuditOutcome.SUCCESS, AuditOutcome.FAILURE);
    }

    @Test
    void aPasswordAnAdministratorGeneratedMustBeReplacedBeforeAnythingElse() {
        TestUser user = newUser(Role.ANALYST);
        String generated = users.resetPassword(user.username());
        WebSession session = new WebSession(baseUrl());
        session.get("/login");
        assertThat(session.post("/login", Map.of("username", user.username(), "password", generated))
                .headers().firstValue("Location").orElseThrow()).as("the authenticator stays: the password alone is not enough")
                .endsWith("/login/second-factor");
        session.get("/login/second-factor");
        session.post("/login/second-factor", Map.of("code", WebSession.currentCode(user.totpSecret())));

        for (String page : List.of("/", "/intel/requests", "/account/tokens")) {
            HttpResponse<String> refused = page.equals("/account/tokens")
                    ? session.post(page, Map.of("name", "before changing")) : session.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/account");
        }
        assertThat(session.get("/assets/passerelle.css").statusCode()).as("the account page keeps its style")
                .isEqualTo(200);
        assertThat(session.get("/account").body()).contains("role=\"alert\"");
        HttpResponse<String> changed = session.post("/account/password",
                Map.of("current", generated, "replacement", "a river runs through Fes"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(session.get("/account").body()).doesNotContain("role=\"alert\"");
        assertThat(tokens.list(user.username())).isEmpty();
    }

    @Test
    void aGeneratedPasswordLeftUnusedPastItsLifetimeNoLongerSignsIn() {
        TestUser user = newUser(Role.ANALYST);
        String generated = users.resetPassword(user.username());
        assertThat(users.own(user.username()).orElseThrow().generatedPasswordExpiresAt())
                .isBetween(java.time.Instant.now().plus(Duration.ofDays(3)).minus(Duration.ofMinutes(1)),
                        java.time.Instant.now().plus(Duration.ofDays(3)));
        jdbc.sql("UPDATE users SET generated_password_expires_at = :past WHERE username = :u")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("u", user.username()).update();

        WebSession session = new WebSession(baseUrl());
        session.get("/login");
        assertThat(session.post("/login", Map.of("username", user.username(), "password", "not the generated one"))
                .headers().firstValue("Location").orElseThrow()).as("a wrong password tells nothing more")
                .endsWith("/login?failed");
        assertThat(session.post("/login", Map.of("username", user.username(), "password", generated))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?generatedExpired");
        assertThat(session.get("/login?generatedExpired").body()).contains("a expiré sans avoir servi").contains("role=\"alert\"");
        assertThat(session.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(audit.search(new AuditFilter(null, "login.password", user.username(), null, null, 10)))
                .anySatisfy(e -> assertThat(e.event().details()).isEqualTo("generated password expired"));

        // Replacing it ends the expiry: a password the user chose does not expire.
        users.keepGivenPassword(user.username());
        assertThat(users.own(user.username()).orElseThrow().generatedPasswordExpiresAt()).isNull();
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        HttpResponse<String> login = new WebSession(baseUrl()).get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain("onclick");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** A request a TLS-terminating proxy on a private or loopback address passed on over HTTPS is a secure one. */
    @Test
    void aRequestThatCameOverHttpsThroughAProxyGetsHsts() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void unknownPagesGetTheGenericErrorPage() {
        WebSession session = new WebSession(baseUrl());
        session.signIn(newUser(Role.ANALYST));
        HttpResponse<String> missing = session.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("404").doesNotContainIgnoringCase("whitelabel").doesNotContain("Exception");
    }

    @Test
    void apiTokensCarryTheirOwnersRoleUntilRevoked() throws Exception {
        TestUser admin = newUser(Role.ADMINISTRATOR);
        TestUser analyst = newUser(Role.ANALYST);
        ApiTokens.Issued adminToken = tokens.issue(admin.username(), "test");
        ApiTokens.Issued analystToken = tokens.issue(analyst.username(), "test");

        assertThat(api("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/me", "psl_forged", null).statusCode()).isEqualTo(401);
        HttpResponse<String> me = api("GET", "/api/v1/me", analystToken.secret(), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + analyst.username() + "\"", "\"role\":\"ANALYST\"");

        assertThat(api("GET", "/api/v1/users", analystToken.secret(), null).statusCode()).isEqualTo(403);
        assertThat(audit.search(new AuditFilter(analyst.username(), "access.denied", null, null, null, 5)))
                .anySatisfy(e -> assertThat(e.event().outcome()).isEqualTo(AuditOutcome.DENIED));

        HttpResponse<String> invalid = api("POST", "/api/v1/users", adminToken.secret(),
                "{\"username\":\"X\",\"displayName\":\"\",\"role\":\"CONSULAR_OFFICER\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"",
                "user.error.roleNotForParty");

        HttpResponse<String> created = api("POST", "/api/v1/users", adminToken.secret(),
                "{\"username\":\"api.created\",\"displayName\":\"Created by API\",\"role\":\"ANALYST\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"initialPassword\":\"");

        assertThat(tokens.revoke(analyst.username(), analystToken.id())).isTrue();
        assertThat(api("GET", "/api/v1/me", analystToken.secret(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAuditorAccountNeedsASecondAdministratorsApproval() throws Exception {
        TestUser first = newUser(Role.ADMINISTRATOR);
        TestUser second = newUser(Role.ADMINISTRATOR);
        String firstToken = tokens.issue(first.username(), "test").secret();
        String secondToken = tokens.issue(second.username(), "test").secret();
        String auditor = "auditor." + Long.toString(System.nanoTime(), 36);

        HttpResponse<String> withPassword = api("POST", "/api/v1/users", firstToken, """
                {"username":"%s","displayName":"Chosen","role":"AUDITOR","password":"A-password-chosen-by-me-1"}"""
                .formatted(auditor));
        assertThat(withPassword.statusCode()).isEqualTo(400);
        assertThat(withPassword.body()).contains("user.error.auditorPassword");

        HttpResponse<String> created = api("POST", "/api/v1/users", firstToken,
                "{\"username\":\"%s\",\"displayName\":\"Data protection officer\",\"role\":\"AUDITOR\"}"
                        .formatted(auditor));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"initialPassword\":null", "\"enabled\":false",
                "\"approvalRequestedBy\":\"" + first.username() + "\"");
        // Neither enabling it nor approving it is the first administrator's to do.
        assertThat(api("POST", "/api/v1/users/" + auditor + "/enable", firstToken, null).body())
                .contains("user.error.awaitingApproval");
        assertThat(api("POST", "/api/v1/users/" + auditor + "/approve", firstToken, null).body())
                .contains("user.error.approveOwn");
        assertThat(users.read(auditor).orElseThrow().enabled()).isFalse();

        HttpResponse<String> approved = api("POST", "/api/v1/users/" + auditor + "/approve", secondToken, null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"password\":\"");
        UserAccount account = users.read(auditor).orElseThrow();
        assertThat(account.enabled()).isTrue();
        assertThat(account.awaitingApproval()).isFalse();
        assertThat(account.passwordChangeRequired()).isTrue();
        assertThat(audit.search(new AuditFilter(null, "user.", auditor, null, null, 10)))
                .extracting(e -> e.event().action() + " " + e.event().actor() + " " + e.event().outcome())
                .contains("user.create " + first.username() + " SUCCESS", "user.approve " + first.username() + " DENIED",
                        "user.approve " + second.username() + " SUCCESS");
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabled() throws Exception {
        TestUser last = newUser(Role.ADMINISTRATOR);
        String token = tokens.issue(last.username(), "test").secret();
        jdbc.sql("UPDATE users SET enabled = FALSE WHERE role = 'ADMINISTRATOR' AND username <> :u")
                .param("u", last.username()).update();
        HttpResponse<String> refused = api("POST", "/api/v1/users/" + last.username() + "/disable", token, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("user.error.lastAdministrator");
        assertThat(users.read(last.username()).orElseThrow().enabled()).isTrue();

        TestUser another = newUser(Role.ADMINISTRATOR);
        assertThat(api("POST", "/api/v1/users/" + last.username() + "/disable", token, null).statusCode()).isEqualTo(200);
        assertThat(users.read(another.username()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void disablingAUserRevokesTheirTokens() throws Exception {
        TestUser analyst = newUser(Role.ANALYST);
        ApiTokens.Issued token = tokens.issue(analyst.username(), "script");
        assertThat(api("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(200);
        users.setEnabled(analyst.username(), false);
        assertThat(api("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(401);
        assertThat(tokens.list(analyst.username())).allSatisfy(t -> assertThat(t.status()).isEqualTo(ApiTokens.Status.REVOKED));
    }

    @Test
    void theAuditLogsNamesForTheNodeAndForAnonymousCallersAreNoUsernames() {
        for (String reserved : List.of("system", "anonymous")) {
            assertThatThrownBy(() -> users.create(new NewUser(reserved, "Impostor", Role.ANALYST.name(), null, null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(InvalidInputException.FieldError::messageKey).contains("user.error.usernameTaken"));
        }
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        TestUser analyst = newUser(Role.ANALYST);
        ApiTokens.Issued token = tokens.issue(analyst.username(), "script");
        ApiTokens.TokenInfo issued = tokens.list(analyst.username()).get(0);
        assertThat(Duration.between(issued.createdAt(), issued.expiresAt())).isEqualTo(Duration.ofDays(90));
        assertThat(api("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE api_tokens SET expires_at = :past WHERE id = :id")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).param("id", token.id()).update();
        assertThat(api("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(401);
        assertThat(tokens.list(analyst.username())).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(ApiTokens.Status.EXPIRED));
    }

    @Test
    void operationsEndpointsAndOpenApiAreServed() throws Exception {
        assertThat(api("GET", "/actuator/health/readiness", null, null).body()).contains("UP");
        assertThat(api("GET", "/actuator/health/liveness", null, null).body()).contains("UP");
        assertThat(api("GET", "/actuator/prometheus", null, null).body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> openApi = api("GET", "/api/v1/openapi.json", null, null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"", "/api/v1/me", "/api/v1/users", "/api/v1/audit");
    }

    /** The account's authenticator secret as the node keeps it, opened. */
    private java.util.Optional<String> secondFactorOf(String username) {
        return store.sealedTotpSecret(username).map(sealed -> sealer.open(sealed, username));
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "*/*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
