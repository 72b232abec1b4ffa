package org.passerelle.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.server.PasserelleApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** Starts a node's application context for a command: serving HTTP, or just its storage for a one-off task. */
final class NodeLauncher {

    private static final AtomicBoolean SERVING = new AtomicBoolean();

    /** The options every node command shares. */
    static final class NodeOptions {
        @Option(names = "--config", paramLabel = "FILE",
                description = "The node's configuration file (YAML or properties). See the README.")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Overrides passerelle.data-dir (database, keys, index).")
        Path dataDir;
    }

    private NodeLauncher() {
    }

    static ConfigurableApplicationContext start(NodeOptions options, Map<String, Object> overrides, boolean serve) {
        return start(options, overrides, serve, null);
    }

    /** As {@link #start(NodeOptions, Map, boolean)}, the node reading time from {@code clock} (null: the system's). */
    static ConfigurableApplicationContext start(NodeOptions options, Map<String, Object> overrides, boolean serve,
            Clock clock) {
        Map<String, Object> properties = new HashMap<>(overrides);
        if (options.config != null) {
            if (!Files.isRegularFile(options.config)) {
                throw new IllegalArgumentException("No configuration file at " + options.config.toAbsolutePath());
            }
            properties.put("spring.config.additional-location", "file:" + options.config.toAbsolutePath());
        }
        if (options.dataDir != null) {
            properties.put("passerelle.data-dir", options.dataDir.toAbsolutePath().toString());
        }
        return start(properties, serve, clock);
    }

    static ConfigurableApplicationContext start(Map<String, Object> given, boolean serve) {
        return start(given, serve, null);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> given, boolean serve, Clock clock) {
        Map<String, Object> properties = new HashMap<>(given);
        if (!serve) {
            // The running node holds the identity indexes' lock: a one-off task works on the database alone.
            properties.putIfAbsent("passerelle.registry.index-enabled", false);
        }
        // The embedded database lives under the data folder, which operators give as a relative path.
        System.setProperty("h2.implicitRelativePath", "true");
        // Given as command-line arguments, they override the defaults and the node's configuration file.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(PasserelleApplication.class);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        ConfigurableApplicationContext context = builder
                .web(serve ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(serve)
                .run(arguments);
        if (serve) {
            SERVING.set(true);
        }
        return context;
    }

    /** Whether a command left a node serving, so that the process must stay alive after it returns. */
    static boolean anyServing() {
        return SERVING.get();
    }
}
