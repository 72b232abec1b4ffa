package org.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.passerelle.server.cli.LocalNodes;

/**
 * Two real nodes for a test, France and Morocco ({@link LocalNodes}, as the demo runs them): each its own application
 * context, random port, database and key, trusting each other, talking over real HTTP on loopback. A node can be
 * stopped and started again on the same database and port, as after a crash.
 */
public final class TwoNodes implements AutoCloseable {

    /** One node: what it was prepared with, and whether it runs. */
    public static final class Node {
        private final LocalNodes nodes;
        private final String code;
        private boolean running;

        Node(LocalNodes nodes, String code) {
            this.nodes = nodes;
            this.code = code;
        }

        public String code() {
            return code;
        }

        public int port() {
            return nodes.node(code).port();
        }

        public String baseUrl() {
            return nodes.node(code).url();
        }

        /** The node's configuration file, as the command line takes it. */
        public Path configuration() {
            return nodes.node(code).configuration();
        }

        public <T> T bean(Class<T> type) {
            return nodes.context(code).getBean(type);
        }

        /** Starts the node; {@code overrides} win over its configuration file. */
        public void start(Map<String, Object> overrides) {
            nodes.start(code, overrides);
            running = true;
        }

        public void start() {
            start(Map.of());
        }

        public void stop() {
            if (running) {
                nodes.stop(code);
                running = false;
            }
        }
    }

    private final Node france;
    private final Node morocco;

    private TwoNodes(LocalNodes nodes) {
        this.france = new Node(nodes, "FR");
        this.morocco = new Node(nodes, "MA");
    }

    /** Prepares both nodes (folders, databases, keys, ports); {@code extra} adds properties per party code. */
    public static TwoNodes prepare(Map<String, Map<String, Object>> extra) {
        return prepare(extra, false);
    }

    /** As {@link #prepare(Map)}; with {@code tls}, each node reaches the other over HTTPS. */
    public static TwoNodes prepare(Map<String, Map<String, Object>> extra, boolean tls) {
        Path dir;
        try {
            dir = Files.createTempDirectory("passerelle-nodes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        for (String code : List.of("FR", "MA")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("passerelle.exchange.poll-interval", "100ms");
            p.put("passerelle.exchange.initial-backoff", "200ms");
            p.put("passerelle.exchange.max-backoff", "1s");
            p.putAll(TestDatabase.freshDatabase(dir.resolve(code.toLowerCase())));
            p.putAll(extra.getOrDefault(code, Map.of()));
            properties.put(code, p);
        }
        return new TwoNodes(LocalNodes.prepare(dir, LocalNodes.freePorts(List.of("FR", "MA")), properties, tls));
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
        await(what, Duration.ofSeconds(20), condition);
    }

    /** Waits up to {@code limit} for something another node or process does in its own time. */
    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
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
}
