package org.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.PublicKeys;
import org.passerelle.server.PasserelleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real nodes for a test, France and Morocco: each its own application context, random port, database and
 * key, trusting each other, talking over real HTTP on loopback. A node can be stopped and started again on the
 * same database and port, as after a crash.
 */
public final class TwoNodes implements AutoCloseable {

    /** One node: what it was started with, and its running context (if any). */
    public static final class Node {
        private final String code;
        private final Map<String, Object> properties;
        private ConfigurableApplicationContext context;

        Node(String code, Map<String, Object> properties) {
            this.code = code;
            this.properties = properties;
        }

        public String code() {
            return code;
        }

        public int port() {
            return (Integer) properties.get("server.port");
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public void start(Map<String, Object> overrides) {
            Map<String, Object> all = new LinkedHashMap<>(properties);
            all.putAll(overrides);
            List<String> arguments = new ArrayList<>();
            all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            context = new SpringApplicationBuilder(PasserelleApplication.class).logStartupInfo(false)
                    .run(arguments.toArray(String[]::new));
        }

        public void start() {
            start(Map.of());
        }

        public void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    private final Node france;
    private final Node morocco;

    private TwoNodes(Node france, Node morocco) {
        this.france = france;
        this.morocco = morocco;
    }

    /** Prepares both nodes (folders, databases, keys, ports); {@code extra} adds properties per party code. */
    public static TwoNodes prepare(Map<String, Map<String, Object>> extra) {
        Path frDir = tempDir("fr");
        Path maDir = tempDir("ma");
        int frPort = freePort();
        int maPort = freePort();
        String frKey = PublicKeys.encode(new NodeKeyStore(frDir.resolve("keys"), Optional.empty()).loadOrCreate().getPublic());
        String maKey = PublicKeys.encode(new NodeKeyStore(maDir.resolve("keys"), Optional.empty()).loadOrCreate().getPublic());
        Node france = new Node("FR", properties("FR", "France", frDir, frPort, "MA", "Maroc", maPort, maKey,
                extra.getOrDefault("FR", Map.of())));
        Node morocco = new Node("MA", properties("MA", "Maroc", maDir, maPort, "FR", "France", frPort, frKey,
                extra.getOrDefault("MA", Map.of())));
        return new TwoNodes(france, morocco);
    }

    public static TwoNodes start() {
        TwoNodes nodes = prepare(Map.of());
        nodes.france.start();
        nodes.morocco.start();
        return nodes;
    }

    public Node france() {
        return france;
    }

    public Node morocco() {
        return morocco;
    }

    /** Waits (up to 20 s) for something the other node does in its own time. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        france.stop();
        morocco.stop();
    }

    private static Map<String, Object> properties(String code, String name, Path dataDir, int port, String peer,
            String peerName, int peerPort, String peerKey, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("passerelle.data-dir", dataDir.toString());
        p.put("passerelle.party.code", code);
        p.put("passerelle.party.names.en", name);
        p.put("passerelle.peers[0].party", peer);
        p.put("passerelle.peers[0].names.en", peerName);
        p.put("passerelle.peers[0].base-url", "http://localhost:" + peerPort);
        p.put("passerelle.peers[0].public-key", peerKey);
        p.put("passerelle.exchange.poll-interval", "100ms");
        p.put("passerelle.exchange.initial-backoff", "200ms");
        p.put("passerelle.exchange.max-backoff", "1s");
        p.put("server.servlet.session.cookie.name", "PASSERELLE_" + code);
        p.putAll(TestDatabase.freshDatabase(dataDir));
        p.putAll(extra);
        return p;
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("passerelle-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
