package org.passerelle.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.security.Role;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser (Debian's headless Chromium) against a running node: sign-in with password and TOTP, the
 * Arabic right-to-left pages, a refused page and its audit entry. Screenshots of the main pages in the three
 * languages go to {@code target/screenshots}.
 */
class BrowserTest extends NodeTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver browser;

    @Autowired
    AuditLog audit;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED browser tests: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("passerelle-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signsInWithTotpSwitchesToArabicAndIsRefusedAnAuditedPage() throws IOException {
        TestUser officer = newUser(Role.PREFECTURE_OFFICER);
        signIn(officer);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(officer.username());

        open("/?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("مرحبًا");

        open("/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("خطأ 403");
        screenshot("ar-refused");
        assertThat(audit.search(new AuditFilter(officer.username(), "access.denied", "GET /audit", null, null, 5)))
                .isNotEmpty();

        open("/?lang=fr");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        signOut();
    }

    @Test
    void mainPagesInEveryLanguage() throws IOException {
        for (Language language : Language.values()) {
            open("/login?lang=" + language.tag());
            screenshot(language.tag() + "-login");
        }
        TestUser admin = newUser(Role.ADMINISTRATOR);
        signIn(admin);
        for (Language language : Language.values()) {
            open("/?lang=" + language.tag());
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(language.direction());
            screenshot(language.tag() + "-home");
            open("/admin/users");
            screenshot(language.tag() + "-users");
            open("/admin/users/new");
            browser.findElement(By.cssSelector("form[action='/admin/users/check'] button[type=submit]")).click();
            assertThat(browser.findElement(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
            screenshot(language.tag() + "-user-form-errors");
            open("/account");
            screenshot(language.tag() + "-account");
        }
        createUserThroughCheckYourAnswers();
        signOut();

        TestUser auditor = newUser(Role.AUDITOR);
        signIn(auditor);
        for (Language language : Language.values()) {
            open("/audit?lang=" + language.tag());
            screenshot(language.tag() + "-audit");
        }
        browser.findElement(By.cssSelector("form[action='/audit/verify'] button")).click();
        assertThat(browser.findElement(By.id("chain-status")).getAttribute("class")).isEqualTo("panel-confirmation");
        signOut();
    }

    private void createUserThroughCheckYourAnswers() throws IOException {
        open("/admin/users/new?lang=en");
        String username = "browser." + Long.toString(System.nanoTime(), 36);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Leila Benali");
        browser.findElement(By.id("role-CHILD_PROTECTION_OFFICER")).click();
        browser.findElement(By.id("office")).sendKeys("ASE de Lyon");
        browser.findElement(By.cssSelector("form[action='/admin/users/check'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your answers"));
        screenshot("en-user-check");
        browser.findElement(By.cssSelector("form[action='/admin/users'] button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".secret")).getText()).matches("\\S{4}-\\S{4}-\\S{4}-\\S{4}");
        assertThat(users.own(username)).isPresent();
    }

    private void signIn(TestUser user) throws IOException {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitForPath("/login/second-factor");
        screenshot("second-factor");
        browser.findElement(By.id("code")).sendKeys(WebSession.currentCode(user.totpSecret()));
        browser.findElement(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();
        waitForPath("/");
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForPath("/login?signedOut");
    }

    /** Waits for the navigation a click started: the old page's URL stays until the new one has loaded. */
    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + path));
    }

    private void open(String path) {
        browser.get(baseUrl() + path);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
