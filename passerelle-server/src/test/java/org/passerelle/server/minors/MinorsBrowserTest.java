package org.passerelle.server.minors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.Browser;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;

/**
 * A minor's case in a real browser across two real nodes: France records the child (errors first), Morocco answers
 * in Arabic (identification, a family's tracing request matched to the child and confirmed, home assessment, a place
 * in a centre, the follow-up plan), France's officers run the
 * determination with a second officer's approval and the judge's decision; the return is refused with each missing
 * safeguard named, then scheduled and carried out, and Morocco reports the first follow-up visit. Every page is
 * checked with axe; screenshots go to target/screenshots.
 */
class MinorsBrowserTest {

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

    private static void submitStep(String step) {
        browser.click(By.cssSelector("#step-" + step + " summary"));
        browser.submit(By.cssSelector("form[action$='/" + step + "'] button[type=submit]"));
    }

    @Test
    void fromTheFrenchRecordToAFollowUpVisit() {
        String france = nodes.france().baseUrl();
        String morocco = nodes.morocco().baseUrl();
        NodeTest.TestUser officer = NodeTest.createUser(nodes.france().bean(UserService.class),
                Role.CHILD_PROTECTION_OFFICER);
        NodeTest.TestUser colleague = NodeTest.createUser(nodes.france().bean(UserService.class),
                Role.CHILD_PROTECTION_OFFICER);
        NodeTest.TestUser moroccan = NodeTest.createUser(nodes.morocco().bean(UserService.class),
                Role.CHILD_PROTECTION_OFFICER);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        browser.signIn(france, officer);
        browser.open(france + "/minors/cases/new?lang=fr");
        browser.submit(By.cssSelector("form[action='/minors/cases'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#names']")).isDisplayed()).isTrue();
        browser.checkPage("fr-minors-errors");
        browser.find(By.id("names")).sendKeys("Youssef El Amrani\nيوسف العمراني");
        browser.find(By.cssSelector("#sex option[value='M']")).click();
        browser.find(By.id("birthDate")).sendKeys("2010-05");
        browser.find(By.id("birthPlace")).sendKeys("Tanger");
        browser.find(By.id("fatherName")).sendKeys("Mohamed El Amrani");
        browser.find(By.id("motherName")).sendKeys("Fatima Ouazzani");
        browser.find(By.cssSelector("#ageMethod option[value='interview']")).click();
        browser.find(By.id("ageConclusion")).sendKeys("Mineur, environ 15 ans ; le doute lui profite");
        browser.find(By.id("judge")).sendKeys("Juge des enfants de Paris");
        browser.find(By.id("placement")).sendKeys("ASE de Paris, foyer Saint-Maur");
        browser.find(By.cssSelector("#tracingConsent option[value='given']")).click();
        browser.submit(By.cssSelector("form[action='/minors/cases'] button[type=submit]"));
        browser.waitFor(By.id("case-status"), 10);
        String path = browser.currentUrl().substring(france.length()).replaceAll("\\?.*", "");
        String caseId = path.substring(path.lastIndexOf('/') + 1);
        browser.checkPage("fr-minors-recorded");
        // Names hidden on screen (an open office): initials only, until shown again.
        browser.submit(By.id("toggle-names"));
        browser.waitForTextIn(By.tagName("h1"), "Y. E. A.");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Youssef El Amrani");
        browser.submit(By.id("toggle-names"));
        browser.waitForTextIn(By.tagName("h1"), "Youssef El Amrani");
        browser.open(france + "/minors?lang=fr");
        assertThat(browser.find(By.tagName("table")).getText()).contains("Youssef El Amrani");
        browser.checkPage("fr-minors-list");
        browser.signOut(france);

        await("the case on Morocco's node", () -> nodes.morocco().bean(Minors.class).read(Viewer.node(), caseId)
                .isPresent());
        browser.signIn(morocco, moroccan);
        browser.open(morocco + path + "?lang=ar");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("rtl");
        browser.click(By.cssSelector("#step-identification summary"));
        browser.find(By.cssSelector("#outcome option[value='identified']")).click();
        browser.find(By.id("note")).sendKeys("عثر على رسم الازدياد بطنجة");
        browser.submit(By.cssSelector("form[action$='/identification'] button[type=submit]"));
        browser.waitFor(By.id("case-status"), 10);
        // A family in Tangier asks to trace the child: the engine proposes the reported child, an officer confirms.
        browser.open(morocco + "/minors/tracing/new?lang=ar");
        browser.find(By.id("names")).sendKeys("يوسف العمراني");
        browser.find(By.cssSelector("#sex option[value='M']")).click();
        browser.find(By.id("birthDate")).sendKeys("2010");
        browser.find(By.id("fatherName")).sendKeys("محمد العمراني");
        browser.find(By.id("motherName")).sendKeys("فاطمة الوزاني");
        browser.find(By.id("filedBy")).sendKeys("فاطمة الوزاني، الأم");
        browser.submit(By.cssSelector("form[action='/minors/tracing'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#consent']")).isDisplayed()).isTrue();
        browser.click(By.id("consent"));
        browser.submit(By.cssSelector("form[action='/minors/tracing'] button[type=submit]"));
        browser.waitFor(By.id("tracing-matches"), 10);
        browser.checkPage("ar-minors-tracing");
        browser.submit(By.cssSelector("#tracing-matches form button"));
        browser.waitFor(By.id("family-traced"), 10);
        browser.click(By.cssSelector("#step-home-assessment summary"));
        browser.find(By.id("situation")).sendKeys("الوالدان بطنجة، سكن مستقر");
        browser.find(By.cssSelector("#familyWilling option[value='no']")).click();
        browser.submit(By.cssSelector("form[action$='/home-assessment'] button[type=submit]"));
        browser.waitFor(By.id("case-status"), 10);
        browser.click(By.cssSelector("#step-care-arrangement summary"));
        browser.find(By.cssSelector("#kind option[value='centre']")).click();
        browser.find(By.cssSelector("#centre option[value='TNG-1']")).click();
        browser.submit(By.cssSelector("form[action$='/care-arrangement'] button[type=submit]"));
        browser.waitFor(By.id("case-status"), 10);
        browser.click(By.cssSelector("#step-follow-up-plan summary"));
        browser.find(By.id("office")).sendKeys("التعاون الوطني، طنجة");
        browser.submit(By.cssSelector("form[action$='/follow-up-plan'] button[type=submit]"));
        browser.waitFor(By.id("missing"), 10);
        browser.checkPage("ar-minors-morocco");
        browser.fullPageScreenshot("ar-minors-morocco");
        browser.signOut(morocco);

        await("Morocco's answers in France", () -> nodes.france().bean(Minors.class).read(Viewer.node(), caseId)
                .map(s -> s.followUpPlan() != null).orElse(false));
        browser.signIn(france, officer);
        browser.open(france + path + "?lang=fr");
        browser.click(By.cssSelector("#step-return summary"));
        browser.setValue(By.id("returnDate"), today.plusDays(10).toString());
        browser.submit(By.cssSelector("form[action$='/return'] button[type=submit]"));
        // Refused, each missing safeguard named at the top of the page.
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("juge des enfants")
                .contains("détermination");
        browser.checkPage("fr-minors-return-refused");
        browser.click(By.cssSelector("#step-determination summary"));
        browser.setValue(By.id("determinationDate"), today.toString());
        browser.find(By.id("panel")).sendKeys("Mme Durand (ASE)\nM. Benali (interprète)");
        browser.find(By.cssSelector("#decision option[value='return-to-centre']")).click();
        browser.find(By.id("reasons")).sendKeys("La famille ne peut l'accueillir ; formation en mécanique à Tanger.");
        browser.submit(By.cssSelector("form[action$='/determination'] button[type=submit]"));
        browser.waitFor(By.id("case-status"), 10);
        assertThat(browser.find(By.tagName("main")).getText()).contains("second agent");
        browser.signOut(france);

        browser.signIn(france, colleague);
        browser.open(france + path + "?lang=fr");
        browser.submit(By.cssSelector("form[action$='/approval'] button"));
        browser.waitFor(By.id("case-status"), 10);
        browser.click(By.cssSelector("#step-judge-decision summary"));
        browser.setValue(By.id("judgeDate"), today.toString());
        browser.find(By.cssSelector("#authorises option[value='return']")).click();
        browser.find(By.id("judgeText")).sendKeys("Retour en centre de protection et de formation ordonné.");
        browser.submit(By.cssSelector("form[action$='/judge-decision'] button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), 10);
        browser.click(By.cssSelector("#step-return summary"));
        browser.setValue(By.id("returnDate"), today.plusDays(10).toString());
        browser.submit(By.cssSelector("form[action$='/return'] button[type=submit]"));
        browser.waitFor(By.cssSelector("#step-returned"), 10);
        browser.click(By.cssSelector("#step-returned summary"));
        browser.setValue(By.id("returnedOn"), today.toString());
        browser.submit(By.cssSelector("form[action$='/returned'] button[type=submit]"));
        browser.waitForTextIn(By.id("case-status"), "Retourné");
        browser.checkPage("fr-minors-returned");
        browser.fullPageScreenshot("fr-minors-returned");
        browser.signOut(france);

        await("the return in Morocco", () -> nodes.morocco().bean(Minors.class).read(Viewer.node(), caseId)
                .map(s -> s.returnedOn() != null).orElse(false));
        browser.signIn(morocco, moroccan);
        browser.open(morocco + path + "?lang=ar");
        browser.click(By.cssSelector("#step-visit summary"));
        browser.find(By.cssSelector("#month option[value='1']")).click();
        browser.setValue(By.id("visitDate"), today.toString());
        browser.find(By.id("visitNote")).sendKeys("يتابع التكوين في الميكانيك");
        browser.submit(By.cssSelector("form[action$='/visit'] button[type=submit]"));
        browser.waitForTextIn(By.id("visits"), "يتابع التكوين");
        browser.open(morocco + "/minors/centres?lang=ar");
        assertThat(browser.find(By.id("centres")).getText()).contains("39");
        browser.checkPage("ar-minors-centres");
        browser.open(morocco + "/minors/purges?lang=ar");
        browser.checkPage("ar-minors-purges");
        browser.open(morocco + "/minors/tracing?lang=ar");
        browser.checkPage("ar-minors-tracing-list");
        browser.signOut(morocco);

        // The data-protection officer finds the case by its reference and its access log.
        NodeTest.TestUser auditor = NodeTest.createUser(nodes.france().bean(UserService.class), Role.AUDITOR);
        browser.signIn(france, auditor);
        browser.open(france + "/minors/access?lang=fr");
        assertThat(browser.find(By.id("access-cases")).getText()).doesNotContain("Youssef");
        browser.checkPage("fr-minors-access");
        browser.click(By.cssSelector("#access-cases a[href*='recordId=" + caseId + "']"));
        browser.waitForTextIn(By.tagName("main"), "minors.read");
        browser.signOut(france);
    }
}
