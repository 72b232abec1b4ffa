package org.passerelle.server.intel.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.server.cli.DemoNetworks;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.Browser;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The analysis page and the disruption planner on the CAVIAR investigation, in a real browser. */
class NetworkBrowserTest extends NodeTest {

    private static Browser browser;

    @Autowired
    Networks networks;

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
    void analysisAndDisruptionPlannerOnCaviar() {
        long caviar = DemoNetworks.loadCaviar(networks, Viewer.node());
        browser.signIn(baseUrl(), newUser(Role.ANALYST));

        browser.open(baseUrl() + "/intel/networks/" + caviar + "?lang=en");
        browser.waitFor(By.cssSelector("#network-graph[data-rendered='107']"), 20);
        assertThat(browser.find(By.cssSelector("#key-actors tbody tr td")).getText()).isEqualTo("n1");
        browser.checkPage("en-network-analysis");

        browser.open(baseUrl() + "/intel/networks/" + caviar + "?from=1994-01-01&to=1994-02-28&lang=fr");
        browser.waitFor(By.cssSelector("#network-graph[data-rendered='15']"), 20);
        browser.checkPage("fr-network-phase1");

        new Select(browser.find(By.id("strategy"))).selectByValue("betweenness");
        browser.find(By.id("steps")).clear();
        browser.find(By.id("steps")).sendKeys("8");
        browser.click(By.cssSelector("form[action$='/disruption'] button[type=submit]"));
        browser.waitFor(By.cssSelector("#disruption-chart svg"), 10);
        browser.open(baseUrl() + "/intel/networks/" + caviar + "/disruption?strategy=betweenness&mode=sequential&steps=10&lang=ar");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("rtl");
        browser.checkPage("ar-disruption-planner");

        browser.click(By.cssSelector("#targets input[type=checkbox][value='n1']"));
        browser.click(By.cssSelector("#targets input[type=checkbox][value='n3']"));
        browser.click(By.cssSelector("#targets button[type=submit]"));
        browser.waitFor(By.cssSelector("#network-graph[data-rendered='105']"), 20);
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("n1", "n3");
        browser.checkPage("ar-network-after-arrests");

        browser.open(baseUrl() + "/intel/networks/" + caviar + "/paths?source=n89&target=n12&lang=en");
        assertThat(browser.find(By.cssSelector("#paths li")).getText()).startsWith("n89").endsWith("n12");

        // Loaded by the node itself, so no one's yet: the analyst takes it; the team then shows below the analysis.
        browser.click(By.id("take"));
        browser.waitFor(By.cssSelector(".team-list"), 10);
        assertThat(browser.find(By.cssSelector(".case-team")).getText()).contains("Case team");
        assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();

        // Now in the team, the analyst records a seizure: implausible values are refused field by field, and what
        // was typed comes back to be corrected.
        browser.open(baseUrl() + "/intel/networks/" + caviar + "?lang=fr");
        browser.click(By.xpath("//form[contains(@action,'/seizures')]/preceding-sibling::summary"));
        browser.find(By.id("drug")).sendKeys("cocaïne");
        browser.find(By.id("quantity")).sendKeys("1e12");
        browser.find(By.id("place")).sendKeys("Montréal");
        browser.setValue(By.id("date"), "3025-01-01");
        browser.find(By.id("actors")).sendKeys("n1, personne");
        browser.submit(By.cssSelector("form[action$='/seizures'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText())
                .contains("200 000", "1er janvier 1950", "acteurs de ce réseau");
        assertThat(browser.attribute(By.id("quantity"), "value")).isEqualTo("1e12");
        assertThat(browser.attribute(By.id("place"), "value")).isEqualTo("Montréal");
        assertThat(browser.attribute(By.id("quantity"), "aria-invalid")).isEqualTo("true");
        browser.checkPage("fr-seizure-refused");
        browser.fullPageScreenshot("fr-seizure-refused-full");
        browser.find(By.id("quantity")).clear();
        browser.find(By.id("quantity")).sendKeys("120,5");
        browser.setValue(By.id("date"), "1995-03-01");
        browser.find(By.id("actors")).clear();
        browser.find(By.id("actors")).sendKeys("n1");
        browser.submit(By.cssSelector("form[action$='/seizures'] button[type=submit]"));
        String page = browser.find(By.tagName("main")).getText();
        assertThat(page).contains("Montréal", "1995-03-01").doesNotContain("200 000");

        browser.open(baseUrl() + "/intel/networks?lang=fr");
        assertThat(browser.find(By.cssSelector("table")).getText()).contains("CAVIAR");
        browser.checkPage("fr-networks");
    }
}
