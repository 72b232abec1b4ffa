package org.passerelle.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TwoNodes;
import org.passerelle.server.support.WebSession;

/**
 * A request's page follows its envelopes' deliveries until each has its answer, then stops asking; a page view is one
 * audited read, however often the page looks at the deliveries.
 */
class ThreadPageTest {

    private static TwoNodes nodes;

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.start();
    }

    @AfterAll
    static void stopNodes() {
        nodes.close();
    }

    @Test
    void aSettledThreadPageStopsPollingAndOneViewIsOneRead() {
        NodeTest.TestUser analyst = NodeTest.createUser(nodes.france().bean(UserService.class), Role.ANALYST);
        Viewer viewer = new Viewer(analyst.username(), Role.ANALYST, "FR");
        String caseId = nodes.france().bean(InformationRequests.class).open(viewer, new NewInformationRequest("MA",
                "Polling", "Who is it?", "NORMAL", "H0", "B", "2", null), List.of());
        await("the receipt", () -> nodes.france().bean(Exchange.class).records(caseId).stream()
                .allMatch(EnvelopeRecord::settled));

        WebSession session = new WebSession(nodes.france().baseUrl());
        session.signIn(analyst);
        HttpResponse<String> page = session.get("/intel/requests/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"envelopes\"").doesNotContain("hx-trigger");
        for (int i = 0; i < 3; i++) {
            // What a page left open from before the receipt would still ask: told to stop (htmx's 286).
            assertThat(session.get("/intel/requests/" + caseId + "/envelopes").statusCode()).isEqualTo(286);
        }
        assertThat(nodes.france().bean(AuditLog.class).search(new AuditFilter(analyst.username(),
                "information-request.read", caseId, null, null, 10))).hasSize(1);
    }

    @Test
    void anUnsettledThreadPageKeepsPolling() {
        NodeTest.TestUser analyst = NodeTest.createUser(nodes.france().bean(UserService.class), Role.ANALYST);
        nodes.morocco().stop();
        try {
            String caseId = nodes.france().bean(InformationRequests.class).open(
                    new Viewer(analyst.username(), Role.ANALYST, "FR"), new NewInformationRequest("MA",
                            "Polling while Morocco is down", "Who is it?", "NORMAL", "H0", "B", "2", null), List.of());
            WebSession session = new WebSession(nodes.france().baseUrl());
            session.signIn(analyst);
            assertThat(session.get("/intel/requests/" + caseId).body()).contains("hx-trigger=\"every 3s\"");
            assertThat(session.get("/intel/requests/" + caseId + "/envelopes").statusCode()).isEqualTo(200);
        } finally {
            nodes.morocco().start();
        }
    }
}
