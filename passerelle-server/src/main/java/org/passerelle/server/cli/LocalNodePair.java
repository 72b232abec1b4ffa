package org.passerelle.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.passerelle.protocol.NodeKeyStore;
import org.passerelle.protocol.PublicKeys;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * France and Morocco on one machine, each with its own folder, database, key and configuration file, trusting
 * each other: what the demo and the exchange benchmark run.
 */
final class LocalNodePair {

    /** One local node: its party, names, port and folder. */
    record LocalNode(String code, Map<String, String> names, int port, Path dataDir) {
        String url() {
            return "http://localhost:" + port;
        }

        Path configuration() {
            return dataDir.resolve("node.yml");
        }
    }

    private final LocalNode france;
    private final LocalNode morocco;
    private final Map<LocalNode, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

    private LocalNodePair(LocalNode france, LocalNode morocco) {
        this.france = france;
        this.morocco = morocco;
    }

    /** Starts both nodes under {@code dir}; {@code overrides} add properties per party code (e.g. a database). */
    static LocalNodePair start(Path dir, int frPort, int maPort, Map<String, Map<String, Object>> overrides)
            throws IOException {
        LocalNodePair pair = new LocalNodePair(
                new LocalNode("FR", Map.of("ar", "فرنسا", "fr", "France", "en", "France"), frPort,
                        dir.resolve("fr").toAbsolutePath()),
                new LocalNode("MA", Map.of("ar", "المغرب", "fr", "Maroc", "en", "Morocco"), maPort,
                        dir.resolve("ma").toAbsolutePath()));
        Map<LocalNode, String> keys = new LinkedHashMap<>();
        for (LocalNode node : pair.nodes()) {
            // The same key store the node itself uses, only a little earlier: each node's configuration must
            // name its peer's public key before either starts.
            keys.put(node, PublicKeys.encode(new NodeKeyStore(node.dataDir().resolve("keys"), Optional.empty())
                    .loadOrCreate().getPublic()));
        }
        for (LocalNode node : pair.nodes()) {
            LocalNode peer = node == pair.france ? pair.morocco : pair.france;
            NodeLauncher.NodeOptions options = new NodeLauncher.NodeOptions();
            options.config = writeConfiguration(node, peer, keys.get(peer));
            pair.contexts.put(node, NodeLauncher.start(options, overrides.getOrDefault(node.code(), Map.of()), true));
        }
        return pair;
    }

    LocalNode france() {
        return france;
    }

    LocalNode morocco() {
        return morocco;
    }

    List<LocalNode> nodes() {
        return List.of(france, morocco);
    }

    ConfigurableApplicationContext context(LocalNode node) {
        return contexts.get(node);
    }

    void stop() {
        contexts.values().forEach(ConfigurableApplicationContext::close);
    }

    /**
     * Writes the node's configuration file, the same kind an operator writes for {@code serve}, so that the
     * other commands work on a local node too ({@code passerelle audit verify --config demo/fr/node.yml}).
     */
    private static Path writeConfiguration(LocalNode node, LocalNode peer, String peerKey) throws IOException {
        String yaml = """
                # Written by 'passerelle' at every start of these local nodes: change the command's options, not this file.
                server:
                  port: %d
                  servlet:
                    session:
                      cookie:
                        # Both nodes run on localhost: one cookie name each, so one browser can use both.
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
                    - party: %s
                      names: %s
                      base-url: "%s"
                      public-key: "%s"
                """.formatted(node.port(), node.code(), node.dataDir(), node.code(), yamlNames(node), peer.code(),
                yamlNames(peer), peer.url(), peerKey);
        Files.createDirectories(node.dataDir());
        Files.writeString(node.configuration(), yaml);
        return node.configuration();
    }

    private static String yamlNames(LocalNode node) {
        return node.names().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
