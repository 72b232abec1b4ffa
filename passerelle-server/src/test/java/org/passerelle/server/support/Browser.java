package org.passerelle.server.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.server.security.Totp;
import org.webjars.WebJarVersionLocator;

/**
 * Debian's headless Chromium driven by Selenium, with the given binaries so that nothing is downloaded.
 * Screenshots go to {@code target/screenshots}. Tests are skipped, saying so, where Chromium is not installed.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED browser tests: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("passerelle-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Files.createDirectories(SCREENSHOTS);
            return new Browser(driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * The WCAG 2.0 and 2.1 rules of levels A and AA that axe-core finds broken on the current page, one line per
     * rule with the elements that break it; empty when it finds none. Automated rules catch a part of WCAG only
     * (contrast, names, labels, structure, ARIA), so they complement looking at the pages, not replace it.
     */
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Axe.SCRIPT);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                    .then(r => done(r.violations.map(v => v.id + ': '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe-core failed: ' + e]));
                """);
        return violations;
    }

    /** axe-core's script, read from its webjar when first needed. */
    private static final class Axe {
        static final String SCRIPT = load();

        private static String load() {
            String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks an element after scrolling it (at once: Bootstrap makes scrolling smooth) to the middle of the window. */
    public void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Clicks a submit button and waits for the page it posts to (the old page's elements go stale). */
    public void submit(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
    }

    /**
     * Whether an element left the document. Chromium may also answer a look at an element being removed with "does
     * not belong to the document" instead of a stale reference: the same news.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String attribute(By by, String name) {
        return driver.findElement(by).getAttribute(name);
    }

    /** Waits for the navigation a click started: the old page's URL stays until the new one has loaded. */
    public void waitForUrl(String url) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(by, text));
    }

    /** Waits for an element's text to hold {@code part}, among the rest of it. */
    public void waitForTextIn(By by, String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, part));
    }

    /** Waits up to {@code seconds} for an element to show up, e.g. after htmx refreshed part of the page. */
    public void waitFor(By by, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The last time step each test user's code was used: a code is accepted once, so the next sign-in waits. */
    private static final Map<String, Long> LAST_STEPS = new ConcurrentHashMap<>();

    /** Password then TOTP code, as a person does it. */
    public void signIn(String baseUrl, NodeTest.TestUser user) {
        open(baseUrl + "/login");
        find(By.id("username")).sendKeys(user.username());
        find(By.id("password")).sendKeys(user.password());
        find(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitForUrl(baseUrl + "/login/second-factor");
        find(By.id("code")).sendKeys(unusedCode(user));
        find(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();
        waitForUrl(baseUrl + "/");
    }

    /**
     * A code of a time step this user has not used yet, waiting for the next step if need be. The step is read
     * on both sides of computing the code, and the later one is kept, so a boundary crossed in between cannot
     * let the next sign-in reuse the same code.
     */
    private static String unusedCode(NodeTest.TestUser user) {
        long step = Totp.STANDARD.step(Instant.now());
        if (LAST_STEPS.getOrDefault(user.username(), -1L) >= step) {
            sleepUntil(Instant.ofEpochSecond((step + 1) * 30));
        }
        long before = Totp.STANDARD.step(Instant.now());
        String code = WebSession.currentCode(user.totpSecret());
        LAST_STEPS.put(user.username(), Math.max(before, Totp.STANDARD.step(Instant.now())));
        return code;
    }

    private static void sleepUntil(Instant moment) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), moment).toMillis() + 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void signOut(String baseUrl) {
        find(By.cssSelector("form[action='/logout'] button")).click();
        waitForUrl(baseUrl + "/login?signedOut");
    }

    /**
     * Looks at the page as a reviewer would: keeps a screenshot under {@code name}, and fails when axe-core finds a
     * WCAG A or AA rule broken on it.
     */
    public void checkPage(String name) {
        screenshot(name);
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations()).as("WCAG rules broken on " + name).isEmpty();
    }

    /** Sets a form field's value as a person's picker would (date inputs take their typed form from the locale). */
    public void setValue(By by, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", find(by), value);
    }

    /** The value of one of the browser's cookies for the current site, or null. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * Downloads a file as the signed-in user: the browser's session cookie ({@code sessionCookie}: each node names its
     * own, as they share localhost) on a plain HTTP request; fails unless the answer is 200 of {@code contentType}.
     */
    public byte[] download(String url, String sessionCookie, String contentType) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .header("Cookie", sessionCookie + "=" + cookie(sessionCookie)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> org.assertj.core.api.Assertions.assertThat(type).startsWith(contentType));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot of the whole page, not only the window, for pages longer than the window. */
    @SuppressWarnings("unchecked")
    public void fullPageScreenshot(String name) {
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
