package org.passerelle.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.PublicKeys;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Nodes of several parties on one machine, each with its own folder, database, key and configuration file, every one
 * trusting the others: what the demo, the exchange benchmark and the tests run. The configuration files are the kind
 * an operator writes for {@code serve}, so a local node also runs as a process of its own and the other commands work
 * on it ({@code passerelle audit verify --config demo/fr/node.yml}).
 */
public final class LocalNodes {

    /** One local node: its party, names, port, folder, and whether it serves HTTPS. */
    public record LocalNode(String code, Map<String, String> names, int port, Path dataDir, boolean tls) {
        public String url() {
            return (tls ? "https" : "http") + "://localhost:" + port;
        }

        public Path configuration() {
            return dataDir.resolve("node.yml");
        }
    }

    /** The parties a local node can be, with their names in each language. */
    private static final Map<String, Map<String, String>> NAMES = Map.of(
            "FR", Map.of("ar", "فرنسا", "fr", "France", "en", "France"),
            "MA", Map.of("ar", "المغرب", "fr", "Maroc", "en", "Morocco"),
            "ES", Map.of("ar", "إسبانيا", "fr", "Espagne", "en", "Spain"));

    private final Map<String, LocalNode> nodes;
    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    private Clock clock;

    private LocalNodes(Map<String, LocalNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Prepares one node per party under {@code dir} (a folder each, named after the party): its key, and a
     * configuration file naming every other node as a trusted peer. {@code ports} gives each party its port, in the
     * order the nodes are listed; {@code properties} adds properties per party code to its file (a database, say).
     */
    public static LocalNodes prepare(Path dir, Map<String, Integer> ports, Map<String, Map<String, Object>> properties) {
        return prepare(dir, ports, properties, false);
    }

    /** As {@link #prepare(Path, Map, Map)}; with {@code tls}, the nodes serve HTTPS (their properties say how). */
    public static LocalNodes prepare(Path dir, Map<String, Integer> ports, Map<String, Map<String, Object>> properties,
            boolean tls) {
        Map<String, LocalNode> nodes = new LinkedHashMap<>();
        ports.forEach((code, port) -> {
            Map<String, String> names = NAMES.get(code);
            if (names == null) {
                throw new IllegalArgumentException("No local node can be party " + code + "; known: " + NAMES.keySet());
            }
            nodes.put(code, new LocalNode(code, names, port, dir.resolve(code.toLowerCase()).toAbsolutePath(), tls));
        });
        Map<String, String> keys = new LinkedHashMap<>();
        for (LocalNode node : nodes.values()) {
            // The same key store the node itself uses, only a little earlier: each node's configuration must name its
            // peers' public keys before any starts.
            keys.put(node.code(), PublicKeys.encode(new NodeKeyStore(node.dataDir().resolve("keys"), Optional.empty())
                    .loadOrCreate().getPublic()));
        }
        for (LocalNode node : nodes.values()) {
            List<LocalNode> peers = nodes.values().stream().filter(peer -> peer != node).toList();
            writeConfiguration(node, peers, keys, properties.getOrDefault(node.code(), Map.of()));
        }
        return new LocalNodes(nodes);
    }

    /** Ports from {@code basePort} upward, one per party in the given order. */
    public static Map<String, Integer> consecutivePorts(List<String> parties, int basePort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < parties.size(); i++) {
            ports.put(parties.get(i), basePort + i);
        }
        return ports;
    }

    /** A free port on this machine for each party, in the given order. */
    public static Map<String, Integer> freePorts(List<String> parties) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String party : parties) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(party, socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    public List<LocalNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public LocalNode node(String code) {
        LocalNode node = nodes.get(code);
        if (node == null) {
            throw new IllegalArgumentException("No local node for party " + code);
        }
        return node;
    }

    /** Has every node started after this read time from {@code shared} (the demo's history), not the system's. */
    public LocalNodes withClock(Clock shared) {
        this.clock = shared;
        return this;
    }

    /** Starts every node in this process, serving HTTP. */
    public LocalNodes startAll() {
        nodes.keySet().forEach(code -> start(code, Map.of()));
        return this;
    }

    /** Starts one node in this process, serving HTTP; {@code overrides} win over its configuration file. */
    public ConfigurableApplicationContext start(String code, Map<String, Object> overrides) {
        NodeLauncher.NodeOptions options = new NodeLauncher.NodeOptions();
        options.config = node(code).configuration();
        ConfigurableApplicationContext context = NodeLauncher.start(options, overrides, true, clock);
        contexts.put(code, context);
        return context;
    }

    /**
     * Runs {@code task} on a node's storage and keys without serving HTTP (the node itself must not be running in
     * this process), as the command line's one-off tasks do, and returns what it returns.
     */
    public <T> T onStorage(String code, Function<ConfigurableApplicationContext, T> task) {
        NodeLauncher.NodeOptions options = new NodeLauncher.NodeOptions();
        options.config = node(code).configuration();
        try (ConfigurableApplicationContext context = NodeLauncher.start(options, Map.of(), false)) {
            return task.apply(context);
        }
    }

    /** The running context of a node started in this process. */
    public ConfigurableApplicationContext context(String code) {
        ConfigurableApplicationContext context = contexts.get(code);
        if (context == null) {
            throw new IllegalStateException("Node " + code + " is not running in this process");
        }
        return context;
    }

    public void stop(String code) {
        ConfigurableApplicationContext context = contexts.remove(code);
        if (context != null) {
            context.close();
        }
    }

    public void stopAll() {
        List.copyOf(contexts.keySet()).forEach(this::stop);
    }

    /**
     * Writes the node's configuration file. Added properties go in as flat keys with JSON-quoted values, which YAML
     * reads as they are.
     */
    private static void writeConfiguration(LocalNode node, List<LocalNode> peers, Map<String, String> keys,
            Map<String, Object> properties) {
        StringBuilder yaml = new StringBuilder("""
                # Written by 'passerelle' at every start of these local nodes: change the command's options, not this file.
                server:
                  port: %d
                  servlet:
                    session:
                      cookie:
                        # The nodes all run on localhost: one cookie name each, so one browser can use them all.
                        name: PASSERELLE_%s
                logging:
                  # Logging is set up once per JVM: a per-node application name would name the wrong node.
                  include-application-name: false
                passerelle:
                  data-dir: "%s"
                  party:
                    code: %s
                    names: %s
                  peers:
                """.formatted(node.port(), node.code(), node.dataDir(), node.code(), yamlNames(node)));
        for (LocalNode peer : peers) {
            yaml.append("""
                        - party: %s
                          names: %s
                          base-url: "%s"
                          public-key: "%s"
                    """.formatted(peer.code(), yamlNames(peer), peer.url(), keys.get(peer.code())));
        }
        properties.forEach((key, value) -> yaml.append(quoted(key)).append(": ").append(quoted(String.valueOf(value)))
                .append('\n'));
        try {
            Files.createDirectories(node.dataDir());
            Files.writeString(node.configuration(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + node.configuration(), e);
        }
    }

    private static String quoted(String text) {
        return EnvelopeJson.write(JsonNodeFactory.instance.stringNode(text));
    }

    private static String yamlNames(LocalNode node) {
        return node.names().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
