package org.passerelle.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.server.shared.Role;
import org.passerelle.server.security.UserService;
import org.passerelle.server.support.Browser;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;

/**
 * An information request sent from the French node's pages, answered from the Moroccan node's pages, with the
 * receipts visible on both: two real nodes, one real browser.
 */
class InformationRequestBrowserTest {

    private static TwoNodes nodes;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        nodes = TwoNodes.start();
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
    void sentFromFranceAnsweredFromMoroccoWithReceiptsOnBothSides() {
        String france = nodes.france().baseUrl();
        String morocco = nodes.morocco().baseUrl();
        NodeTest.TestUser frenchAnalyst = NodeTest.createUser(nodes.france().bean(UserService.class), Role.ANALYST);
        NodeTest.TestUser moroccanAnalyst = NodeTest.createUser(nodes.morocco().bean(UserService.class), Role.ANALYST);

        browser.signIn(france, frenchAnalyst);
        browser.open(france + "/intel/requests/new?lang=fr");
        browser.click(By.cssSelector("form[action='/intel/requests'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("objet", "question");
        browser.checkPage("fr-request-errors");
        browser.find(By.id("subject")).sendKeys("Numéro utilisé par un suspect à Marseille");
        browser.find(By.id("question")).sendKeys("Qui est le titulaire de la ligne +212 6 61 23 45 67 ?");
        browser.click(By.id("urgency-URGENT"));
        new Select(browser.find(By.id("handlingCode"))).selectByValue("H1");
        browser.click(By.cssSelector("form[action='/intel/requests'] button[type=submit]"));
        browser.waitFor(By.cssSelector(".message"), 10);
        String path = browser.currentUrl().substring(france.length());
        assertThat(browser.find(By.cssSelector(".handling-notice")).getText()).contains("H1");
        browser.waitFor(By.cssSelector(".delivery-accepted"), 15);
        browser.checkPage("fr-request-sent");
        browser.signOut(france);

        browser.signIn(morocco, moroccanAnalyst);
        browser.open(morocco + "/?lang=en");
        assertThat(browser.find(By.cssSelector(".work-list")).getText())
                .contains("One information request waits for a reply from us", "One information request has not been taken yet");
        browser.checkPage("en-home-work");
        browser.open(morocco + path + "?lang=ar");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("rtl");
        // Arrived and not taken yet: the Moroccan analyst takes it, then works on it as its team.
        browser.click(By.id("take"));
        browser.waitFor(By.cssSelector(".team-list"), 10);
        assertThat(browser.find(By.cssSelector(".case-team")).getText()).contains(moroccanAnalyst.username());
        browser.find(By.id("text")).sendKeys("الخط مسجل باسم شركة في تطوان.");
        browser.click(By.cssSelector("form.reply-form button[type=submit]"));
        browser.waitFor(By.cssSelector(".tag-green"), 10);
        browser.waitFor(By.cssSelector("tr[data-kind='information-request.answer'] .delivery-accepted"), 15);
        browser.checkPage("ar-request-answered");
        browser.open(morocco + "/intel/requests?lang=ar");
        assertThat(browser.find(By.cssSelector("table")).getText()).contains("IR-");
        browser.checkPage("ar-requests");
        browser.signOut(morocco);

        browser.signIn(france, frenchAnalyst);
        browser.open(france + path + "?lang=en");
        assertThat(browser.find(By.cssSelector(".summary-list")).getText()).contains("Answered");
        assertThat(browser.find(By.cssSelector(".case-team")).getText()).contains("Case team", frenchAnalyst.username());
        assertThat(browser.find(By.cssSelector("tr[data-kind='information-request.request'] .delivery-accepted")).getText())
                .contains("Receipt");
        assertThat(browser.find(By.cssSelector("tr[data-kind='information-request.answer'] .delivery")).getText())
                .contains("Received");
        browser.checkPage("en-request-answered");
        browser.signOut(france);
    }
}
