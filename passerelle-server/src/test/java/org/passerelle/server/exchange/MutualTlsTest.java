package org.passerelle.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.server.support.TwoNodes.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.NewInformationRequest;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.TwoNodes;

/**
 * The production transport: both nodes serve HTTPS and demand a client certificate signed by the agreed
 * certificate authority (here one made for the test with the JDK's keytool), and post to each other with theirs.
 */
class MutualTlsTest {

    private static final String PASSWORD = "test-only";

    private static Path dir;
    private static TwoNodes nodes;

    @BeforeAll
    static void startNodesOverMutualTls() throws Exception {
        dir = Files.createTempDirectory("passerelle-tls");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-file", "ca.pem");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12",
                "-storepass", PASSWORD);
        for (String node : List.of("fr", "ma")) {
            String store = node + ".p12";
            keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + node, "-validity", "2", "-keystore", store, "-storepass", PASSWORD);
            keytool("-certreq", "-alias", "node", "-keystore", store, "-storepass", PASSWORD, "-file", node + ".csr");
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile",
                    node + ".csr", "-outfile", node + ".pem", "-ext", "SAN=dns:localhost",
                    "-ext", "EKU=serverAuth,clientAuth", "-validity", "2");
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store,
                    "-storepass", PASSWORD);
            keytool("-importcert", "-alias", "node", "-file", node + ".pem", "-keystore", store, "-storepass", PASSWORD);
        }
        nodes = TwoNodes.prepare(Map.of("FR", tls("fr"), "MA", tls("ma")), true);
        nodes.france().start();
        nodes.morocco().start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void nodesExchangeOverMutualTls() {
        String caseId = nodes.france().bean(InformationRequests.class).open(Viewer.node(), new NewInformationRequest("MA",
                "Sent over mutual TLS", "Does it arrive?", "URGENT", "H0", "B", "2", null), List.of());

        await("France's receipt over TLS", () -> nodes.france().bean(Exchange.class).records(caseId).get(0)
                .deliveries().get(0).state() == DeliveryState.ACCEPTED);
        assertThat(nodes.morocco().bean(Exchange.class).records(caseId)).isNotEmpty();
    }

    @Test
    void aClientWithoutCertificateCannotEvenConnect() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("trust.p12"))) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, trusting.getTrustManagers(), null);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + nodes.morocco().port()
                + PeerTransport.ENVELOPES_PATH)).POST(HttpRequest.BodyPublishers.ofString("{\"envelopes\":[]}")).build();

        try (HttpClient client = HttpClient.newBuilder().sslContext(noCertificate).build()) {
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    /** A node's TLS: its key and certificate, the authority it trusts, and a client certificate demanded. */
    private static Map<String, Object> tls(String node) {
        String bundle = "spring.ssl.bundle.jks.exchange.";
        return Map.of(bundle + "keystore.location", "file:" + dir.resolve(node + ".p12"),
                bundle + "keystore.password", PASSWORD, bundle + "keystore.type", "PKCS12",
                bundle + "truststore.location", "file:" + dir.resolve("trust.p12"),
                bundle + "truststore.password", PASSWORD, bundle + "truststore.type", "PKCS12",
                "server.ssl.bundle", "exchange", "server.ssl.client-auth", "need",
                "passerelle.exchange.ssl-bundle", "exchange");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12"));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
