package org.passerelle.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
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
import org.passerelle.server.web.PdfDocuments;

/**
 * The joint group in a real browser across two real nodes: France's secretariat prepares the next meeting (errors
 * first), records a decision whose action falls to Morocco and writes the minutes; France's co-chair approves them;
 * on Morocco's node, in Arabic, the action item is there and Morocco's co-chair approves; both meeting packs are
 * downloaded and their pages drawn as images (target/screenshots) to look at.
 */
class CoordinationBrowserTest {

    private static TwoNodes nodes;
    private static Browser browser;
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

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
    void prepareHoldAndMinuteAMeetingOnBothNodes() throws Exception {
        String france = nodes.france().baseUrl();
        String morocco = nodes.morocco().baseUrl();
        NodeTest.TestUser secretariat = NodeTest.createUser(nodes.france().bean(UserService.class),
                Role.JOINT_GROUP_SECRETARIAT);
        NodeTest.TestUser frenchCoChair = NodeTest.createUser(nodes.france().bean(UserService.class),
                Role.JOINT_GROUP_CO_CHAIR);
        NodeTest.TestUser moroccanCoChair = NodeTest.createUser(nodes.morocco().bean(UserService.class),
                Role.JOINT_GROUP_CO_CHAIR);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        browser.signIn(france, secretariat);
        browser.open(france + "/coordination/meetings/new?lang=fr");
        browser.submit(By.cssSelector("form[action='/coordination/meetings'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#title']")).isDisplayed()).isTrue();
        browser.checkPage("fr-coordination-errors");
        browser.find(By.id("title")).sendKeys("Plénière du groupe mixte");
        browser.setValue(By.id("date"), today.plusDays(14).toString());
        browser.find(By.id("place")).sendKeys("Paris, place Beauvau");
        browser.find(By.id("participants")).sendKeys("FR | Claire Martin | Directrice de l'immigration\n"
                + "MA | خالد الزموري | مدير الهجرة");
        browser.find(By.id("agendaInformation")).sendKeys("Indicateurs partagés");
        browser.find(By.id("agendaDecisions")).sendKeys("Mission conjointe d'identification");
        browser.submit(By.cssSelector("form[action='/coordination/meetings'] button[type=submit]"));
        browser.waitFor(By.id("meeting-status"), 10);
        String path = browser.currentUrl().substring(france.length()).replaceAll("\\?.*", "");
        String meetingId = path.substring(path.lastIndexOf('/') + 1);

        browser.click(By.cssSelector("details.step-form:nth-of-type(2) summary"));
        browser.find(By.id("text")).sendKeys("Lancer la mission conjointe d'identification en avril");
        browser.find(By.cssSelector("#agendaItem option[value=\"Mission conjointe d'identification\"]")).click();
        browser.find(By.cssSelector("#ownerParty option[value='MA']")).click();
        browser.find(By.id("office")).sendKeys("DGSN — Identification");
        browser.setValue(By.id("due"), today.minusDays(1).toString());
        browser.submit(By.cssSelector("form[action$='/decisions'] button[type=submit]"));
        // A due date before the meeting is refused by the field, the typing kept.
        assertThat(browser.find(By.cssSelector(".error-summary a[href='#due']")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("office")).getAttribute("value")).isEqualTo("DGSN — Identification");
        browser.setValue(By.id("due"), today.plusDays(60).toString());
        browser.submit(By.cssSelector("form[action$='/decisions'] button[type=submit]"));
        browser.waitForTextIn(By.id("decisions"), "Lancer la mission conjointe");

        browser.click(By.cssSelector("details.step-form:last-of-type summary"));
        browser.find(By.id("minutesFr")).sendKeys("Le groupe a décidé de lancer la mission conjointe d'identification.");
        browser.find(By.id("minutesAr")).sendKeys("قرر الفريق إطلاق بعثة مشتركة لتحديد الهوية.");
        browser.submit(By.cssSelector("form[action$='/minutes'] button[type=submit]"));
        browser.waitFor(By.id("approvals"), 10);
        browser.checkPage("fr-coordination-meeting");
        browser.fullPageScreenshot("fr-coordination-meeting");
        byte[] frenchPack = browser.download(france + path + "/pack.pdf?lang=fr", "PASSERELLE_FR", "application/pdf");
        browser.signOut(france);

        browser.signIn(france, frenchCoChair);
        browser.open(france + path + "?lang=fr");
        browser.find(By.id("coChair")).sendKeys("Claire Martin");
        browser.submit(By.id("approve"));
        browser.waitForTextIn(By.id("approvals"), "Claire Martin");
        assertThat(browser.find(By.id("meeting-status")).getText()).contains("attente");
        browser.signOut(france);

        await("the meeting's minutes on Morocco's node", () -> nodes.morocco().bean(Coordination.class)
                .meeting(Viewer.node(), meetingId).map(m -> m.approvedBy("FR")).orElse(false));
        browser.signIn(morocco, moroccanCoChair);
        browser.open(morocco + "/coordination/action-items?lang=ar");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo("rtl");
        assertThat(browser.find(By.id("action-items")).getText()).contains("Lancer la mission conjointe");
        browser.checkPage("ar-coordination-action-items");
        browser.open(morocco + path + "?lang=ar");
        browser.find(By.id("coChair")).sendKeys("خالد الزموري");
        browser.submit(By.id("approve"));
        browser.waitForTextIn(By.id("approvals"), "خالد الزموري");
        assertThat(browser.find(By.id("meeting-status")).getText()).contains("مصادق");
        browser.checkPage("ar-coordination-meeting");
        browser.fullPageScreenshot("ar-coordination-meeting");
        byte[] arabicPack = browser.download(morocco + path + "/pack.pdf?lang=ar", "PASSERELLE_MA", "application/pdf");
        browser.open(morocco + "/coordination/indicators?lang=ar");
        browser.checkPage("ar-coordination-indicators");
        browser.fullPageScreenshot("ar-coordination-indicators");
        browser.open(morocco + "/coordination/agreements?lang=ar");
        assertThat(browser.find(By.tagName("main")).getText()).contains("2024-10-28");
        browser.checkPage("ar-coordination-agreements");
        browser.open(morocco + "/coordination?lang=ar");
        assertThat(browser.find(By.tagName("table")).getText()).contains("Plénière du groupe mixte");
        browser.checkPage("ar-coordination-meetings");
        browser.signOut(morocco);
        await("both approvals on France's node", () -> nodes.france().bean(Coordination.class)
                .meeting(Viewer.node(), meetingId).map(m -> m.status() == MeetingState.Status.MINUTES_APPROVED)
                .orElse(false));

        for (var pack : java.util.Map.of("fr", frenchPack, "ar", arabicPack).entrySet()) {
            assertThat(new String(pack.getValue(), 0, 5)).isEqualTo("%PDF-");
            int page = 1;
            for (java.awt.image.BufferedImage image : PdfDocuments.pages(pack.getValue(), 90)) {
                ImageIO.write(image, "png", SCREENSHOTS.resolve(pack.getKey() + "-meeting-pack-page-" + page++
                        + ".png").toFile());
            }
        }
    }
}
