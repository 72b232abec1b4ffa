package org.passerelle.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.server.cli.LocalNodes;
import org.passerelle.server.support.TestDatabase;

/** With management.server.port set, the metrics and health endpoints leave the users' port for the management one. */
class ManagementPortTest {

    @Test
    void metricsAndHealthMoveToTheManagementPort() throws Exception {
        Path dir = Files.createTempDirectory("passerelle-management");
        Map<String, Integer> ports = LocalNodes.freePorts(List.of("FR", "MA"));
        int management = ports.get("MA"); // a second free port, not a node
        Map<String, Object> properties = new java.util.HashMap<>(TestDatabase.freshDatabase(dir.resolve("fr")));
        properties.put("management.server.port", management);
        LocalNodes nodes = LocalNodes.prepare(dir, Map.of("FR", ports.get("FR")), Map.of("FR", properties));
        nodes.start("FR", Map.of());
        try {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(status(http, nodes.node("FR").url() + "/actuator/prometheus")).isEqualTo(404);
            assertThat(status(http, "http://localhost:" + management + "/actuator/prometheus")).isEqualTo(200);
            assertThat(status(http, "http://localhost:" + management + "/actuator/health/readiness")).isEqualTo(200);
        } finally {
            nodes.stopAll();
        }
    }

    private static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
