package org.passerelle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve --json-logs} in a process of its own, as an operator runs it: logging is set up once per JVM, so the
 * format can only be seen from outside. Every line it writes on standard output must be one JSON object in Elastic
 * Common Schema.
 */
class JsonLogsTest {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    /** Spring Boot's last word once the node serves: "Started PasserelleCli in 6.0 seconds". */
    private static final String STARTED = "\"message\":\"Started ";

    @TempDir
    Path dataDir;

    @Test
    void serveWritesEveryLogLineAsAnEcsJsonObject() throws Exception {
        Path config = CliRunner.nodeConfiguration(dataDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PasserelleCli.class.getName(), "serve", "--json-logs", "--port", "0", "--config", config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = linesUntilStarted(node);
            JsonMapper json = JsonMapper.builder().build();
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.isObject()).as(line).isTrue();
                assertThat(entry.path("@timestamp").asString()).as(line).isNotEmpty();
                assertThat(entry.path("log").path("level").asString()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                assertThat(entry.path("log").path("logger").asString()).as(line).isNotEmpty();
                assertThat(entry.path("message").asString()).as(line).isNotEmpty();
                assertThat(entry.path("ecs").path("version").asString()).as(line).isNotEmpty();
            }
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    /** The non-blank lines written up to the one saying the node started; the node is stopped if it takes too long. */
    private static List<String> linesUntilStarted(Process node) throws IOException {
        List<String> lines = new ArrayList<>();
        CompletableFuture.delayedExecutor(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS).execute(node::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
                if (line.contains(STARTED)) {
                    return lines;
                }
            }
        }
        throw new AssertionError("the node did not report its start; it wrote: " + String.join("\n", lines));
    }
}
