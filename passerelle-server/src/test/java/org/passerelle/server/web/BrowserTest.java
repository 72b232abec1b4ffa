package org.passerelle.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.shared.Role;
import org.passerelle.server.support.Browser;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser (Debian's headless Chromium) against a running node: sign-in with password and TOTP, the
 * Arabic right-to-left pages, a refused page and its audit entry. Screenshots of the main pages in the three
 * languages go to {@code target/screenshots}.
 */
class BrowserTest extends NodeTest {

    private static Browser browser;

    @Autowired
    AuditLog audit;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signsInWithTotpSwitchesToArabicAndIsRefusedAnAuditedPage() {
        TestUser officer = newUser(Role.PREFECTURE_OFFICER);
        browser.signIn(baseUrl(), officer);
        assertThat(browser.find(By.tagName("h1")).getText()).contains(officer.username());

        open("/?lang=ar");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("rtl");
        assertThat(browser.attribute(By.tagName("html"), "lang")).isEqualTo("ar");
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("مرحبًا");

        open("/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("خطأ 403");
        browser.checkPage("ar-refused");
        assertThat(audit.search(new AuditFilter(officer.username(), "access.denied", "GET /audit", null, null, 5)))
                .isNotEmpty();

        open("/?lang=fr");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("ltr");
        browser.signOut(baseUrl());
    }

    @Test
    void secondFactorPagesPassTheAccessibilityRules() {
        String username = "enrol." + Long.toString(System.nanoTime(), 36);
        String password = "staple-" + java.util.UUID.randomUUID();
        users.create(new NewUser(username, "Enrolment test", Role.ANALYST.name(), null, password));
        open("/login?lang=ar");
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        browser.waitForUrl(baseUrl() + "/login/second-factor/enrol");
        assertThat(browser.find(By.cssSelector(".qr-code")).isDisplayed()).isTrue();
        browser.checkPage("ar-second-factor-enrol");

        TestUser enrolled = newUser(Role.ANALYST);
        browser.find(By.cssSelector("form[action='/logout'] button")).click();
        open("/login?lang=fr");
        browser.find(By.id("username")).sendKeys(enrolled.username());
        browser.find(By.id("password")).sendKeys(enrolled.password());
        browser.find(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        browser.waitForUrl(baseUrl() + "/login/second-factor");
        browser.find(By.id("code")).sendKeys("000000");
        browser.find(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();
        assertThat(browser.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        browser.checkPage("fr-second-factor-wrong-code");
    }

    @Test
    void mainPagesInEveryLanguage() {
        for (Language language : Language.values()) {
            open("/login?lang=" + language.tag());
            browser.checkPage(language.tag() + "-login");
        }
        TestUser admin = newUser(Role.ADMINISTRATOR);
        browser.signIn(baseUrl(), admin);
        for (Language language : Language.values()) {
            open("/?lang=" + language.tag());
            assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo(language.direction());
            browser.checkPage(language.tag() + "-home");
            open("/admin/users");
            browser.checkPage(language.tag() + "-users");
            open("/admin/users/new");
            browser.find(By.cssSelector("form[action='/admin/users/check'] button[type=submit]")).click();
            assertThat(browser.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
            browser.checkPage(language.tag() + "-user-form-errors");
            open("/account");
            browser.checkPage(language.tag() + "-account");
        }
        createUserThroughCheckYourAnswers();
        resetAColleaguesAuthenticator();
        browser.signOut(baseUrl());

        TestUser auditor = newUser(Role.AUDITOR);
        browser.signIn(baseUrl(), auditor);
        for (Language language : Language.values()) {
            open("/audit?lang=" + language.tag());
            browser.checkPage(language.tag() + "-audit");
        }
        browser.find(By.cssSelector("form[action='/audit/verify'] button")).click();
        assertThat(browser.attribute(By.id("chain-status"), "class")).isEqualTo("panel-confirmation");
        browser.signOut(baseUrl());
    }

    private void createUserThroughCheckYourAnswers() {
        open("/admin/users/new?lang=en");
        String username = "browser." + Long.toString(System.nanoTime(), 36);
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("displayName")).sendKeys("Leila Benali");
        browser.find(By.id("role-CHILD_PROTECTION_OFFICER")).click();
        browser.find(By.id("office")).sendKeys("ASE de Lyon");
        browser.find(By.cssSelector("form[action='/admin/users/check'] button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), "Check your answers");
        browser.checkPage("en-user-check");
        browser.find(By.cssSelector("form[action='/admin/users'] button[type=submit]")).click();
        assertThat(browser.find(By.cssSelector(".secret")).getText()).matches("\\S{4}-\\S{4}-\\S{4}-\\S{4}");
        assertThat(users.own(username)).isPresent();
    }

    /** The lost-phone reset: the user page offers it, in every language, and confirms it without showing a password. */
    private void resetAColleaguesAuthenticator() {
        TestUser colleague = newUser(Role.ANALYST);
        for (Language language : Language.values()) {
            open("/admin/users/" + colleague.username() + "?lang=" + language.tag());
            browser.checkPage(language.tag() + "-user");
        }
        open("/admin/users/" + colleague.username() + "?lang=en");
        browser.find(By.cssSelector("form[action$='/reset-second-factor'] button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".panel-confirmation"), "The authenticator of " + colleague.username()
                + " was removed: they set up a new one at their next sign-in.");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Awaiting authenticator setup")
                .doesNotContain("Reset the authenticator");
        assertThat(users.own(colleague.username()).orElseThrow().secondFactorEnrolled()).isFalse();
    }

    private void open(String path) {
        browser.open(baseUrl() + path);
    }
}
