package org.passerelle.server.readmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.Browser;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;

/**
 * The whole readmission path in a real browser across two real nodes, once in French and once in Arabic: a prefecture
 * files (errors first, then check your answers), the consulate identifies the person among the registry's candidates
 * and issues the laissez-passer, the prefecture downloads it and records the flight and the removal. Screenshots of
 * every page and the PDF's pages as images go to target/screenshots.
 */
class ReadmissionBrowserTest {

    private static TwoNodes nodes;
    private static Browser browser;
    private static final List<PersonRecord> PERSONS = new ArrayList<>();
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        nodes = TwoNodes.start();
        Path dir = Files.createTempDirectory("readmission-browser");
        new SyntheticRegistry().write(dir, 1000, 20, 0.0, QueryNoise.REQUEST, 5, null);
        Registry registry = nodes.morocco().bean(Registry.class);
        registry.importFile(Viewer.node(), dir.resolve(SyntheticRegistry.REGISTRY), (read, total, kept, refused) -> { });
        registry.catchUp(IdentityBook.CIVIL_REGISTRY);
        try (InputStream in = Files.newInputStream(dir.resolve(SyntheticRegistry.QUERIES))) {
            RecordCsv.read(in, "QUERIES.csv", RecordCsv.Kind.QUERIES, query -> {
                if (!query.birthDates().isEmpty() && query.birthDates().get(0).year() <= 2000
                        && !query.fatherName().isBlank()) {
                    PERSONS.add(query);
                }
            }, System.err);
        }
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void inFrench() throws Exception {
        walk("fr", PERSONS.get(0), "75", "PARIS");
    }

    @Test
    void inArabic() throws Exception {
        walk("ar", PERSONS.get(1), "13", "MARSEILLE");
    }

    private void walk(String lang, PersonRecord person, String prefecture, String consulate) throws Exception {
        String france = nodes.france().baseUrl();
        String morocco = nodes.morocco().baseUrl();
        NodeTest.TestUser officer = NodeTest.createUser(nodes.france().bean(UserService.class),
                Role.PREFECTURE_OFFICER, prefecture);
        NodeTest.TestUser consul = NodeTest.createUser(nodes.morocco().bean(UserService.class), Role.CONSULAR_OFFICER,
                consulate);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        browser.signIn(france, officer);
        browser.open(france + "/readmission/requests/new?lang=" + lang);
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
        browser.submit(By.cssSelector("form[action='/readmission/requests/check'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#names']")).isDisplayed()).isTrue();
        browser.checkPage(lang + "-readmission-errors");

        browser.find(By.id("names")).sendKeys(String.join("\n", person.names()));
        browser.click(By.id(person.sex().csv().equals("F") ? "sex" : "sex-M"));
        browser.find(By.id("birthDate")).sendKeys(person.birthDates().get(0).toString());
        browser.find(By.id("birthPlace")).sendKeys(person.birthPlace());
        browser.find(By.id("fatherName")).sendKeys(person.fatherName());
        browser.find(By.id("motherName")).sendKeys(person.motherName());
        browser.find(By.id("languages")).sendKeys("arabe, français");
        browser.find(By.id("removalOrderReference")).sendKeys("OQTF-" + prefecture + "-2026-" + person.id());
        browser.setValue(By.id("removalOrderDate"), today.minusDays(12).toString());
        browser.find(By.id("detentionCentre")).sendKeys("CRA du Mesnil-Amelot");
        browser.setValue(By.id("detentionStart"), today.minusDays(2).toString());
        // A detention that ends before it starts is refused with the reason by the field.
        browser.setValue(By.id("detentionEnd"), today.minusDays(5).toString());
        browser.submit(By.cssSelector("form[action='/readmission/requests/check'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#detentionEnd']")).isDisplayed()).isTrue();
        browser.setValue(By.id("detentionEnd"), today.plusDays(40).toString());
        browser.submit(By.cssSelector("form[action='/readmission/requests/check'] button[type=submit]"));

        browser.waitFor(By.cssSelector("form[action='/readmission/requests'][enctype='multipart/form-data']"), 10);
        assertThat(browser.find(By.tagName("main")).getText()).contains(person.fatherName());
        browser.checkPage(lang + "-readmission-check");
        browser.fullPageScreenshot(lang + "-readmission-check");
        browser.submit(By.cssSelector("form[action='/readmission/requests'] button[type=submit]"));
        browser.waitFor(By.cssSelector(".timeline"), 10);
        String path = browser.currentUrl().substring(france.length()).replaceAll("\\?.*", "");
        browser.waitFor(By.cssSelector("tr[data-kind='readmission.request'] .delivery-accepted"), 15);
        browser.checkPage(lang + "-readmission-filed");
        browser.fullPageScreenshot(lang + "-readmission-filed");
        browser.signOut(france);

        browser.signIn(morocco, consul);
        browser.open(morocco + "/readmission?lang=" + lang);
        assertThat(browser.find(By.cssSelector("table")).getText()).contains(person.names().get(0));
        browser.checkPage(lang + "-readmission-consulate-list");
        browser.open(morocco + path + "?lang=" + lang);
        browser.waitFor(By.cssSelector(".candidate-table"), 10);
        browser.checkPage(lang + "-readmission-candidates");
        browser.fullPageScreenshot(lang + "-readmission-candidates");
        browser.submit(By.cssSelector(".candidate-table form[action$='/identified'] button"));
        browser.waitFor(By.cssSelector("form[action$='/laissez-passer'] button"), 10);
        browser.submit(By.cssSelector("form[action$='/laissez-passer'] button"));
        browser.waitFor(By.cssSelector("#lpc-title"), 10);
        browser.waitFor(By.cssSelector("tr[data-kind='readmission.laissez-passer'] .delivery-accepted"), 15);
        browser.checkPage(lang + "-readmission-issued");
        browser.signOut(morocco);

        browser.signIn(france, officer);
        browser.open(france + path + "?lang=" + lang);
        String pdfHref = browser.attribute(By.cssSelector("a[href$='/laissez-passer.pdf']"), "href");
        byte[] pdf = browser.download(pdfHref, "PASSERELLE_FR", "application/pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        int page = 1;
        for (java.awt.image.BufferedImage image : org.passerelle.server.web.PdfDocuments.pages(pdf, 110)) {
            javax.imageio.ImageIO.write(image, "png",
                    SCREENSHOTS.resolve(lang + "-laissez-passer-page-" + page++ + ".png").toFile());
        }
        assertThat(nodes.france().bean(Readmissions.class).checkPdf(pdf).verdict())
                .isEqualTo(LaissezPasserSeal.Verdict.VALID);

        browser.setValue(By.id("flight-flightDate"), today.plusDays(3).toString());
        browser.find(By.id("flight-escort")).sendKeys("PAF");
        browser.submit(By.cssSelector("form[action$='/flight'] button"));
        browser.waitFor(By.cssSelector("form[action$='/removed'] button"), 10);
        browser.setValue(By.id("removed-flightDate"), today.toString());
        browser.submit(By.cssSelector("form[action$='/removed'] button"));
        browser.waitFor(By.cssSelector(".tag-green"), 10);
        assertThat(nodes.france().bean(Readmissions.class).read(Viewer.node(), path.substring(path.lastIndexOf('/')
                + 1)).orElseThrow().state().status()).isEqualTo(ReadmissionStatus.REMOVED);
        browser.checkPage(lang + "-readmission-removed");
        browser.fullPageScreenshot(lang + "-readmission-removed");
        browser.open(france + "/readmission/statistics?lang=" + lang);
        assertThat(browser.find(By.cssSelector(".figures")).getText()).isNotBlank();
        browser.checkPage(lang + "-readmission-statistics");
        browser.fullPageScreenshot(lang + "-readmission-statistics");
        browser.signOut(france);
    }
}
