package org.passerelle.server.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run this node: pages, API and exchange with its peers, until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    NodeLauncher.NodeOptions node;

    @Option(names = "--port", description = "HTTP port (default: server.port of the configuration, else 8080).")
    Integer port;

    @Option(names = "--json-logs", description = "Write logs as JSON lines (Elastic Common Schema).")
    boolean jsonLogs;

    @Override
    public Integer call() {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port);
        }
        if (jsonLogs) {
            overrides.put("logging.structured.format.console", "ecs");
        }
        NodeLauncher.start(node, overrides, true);
        return 0;
    }
}
