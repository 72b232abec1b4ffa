package org.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.passerelle.server.cli.LocalNodes;
import org.passerelle.server.cli.PasserelleCli;

/**
 * A node running as a process of its own ({@code passerelle serve --config FILE} on the test class path), so that a
 * test can kill it as a crash or a power cut would ({@code kill -9}: nothing of the node runs after it) and start
 * it again on the same database. Its output goes to {@code node.log} in its folder.
 */
public final class NodeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalNodes.LocalNode node;
    private final Path log;
    private Process process;

    public NodeProcess(LocalNodes.LocalNode node) {
        this.node = node;
        this.log = node.dataDir().resolve("node.log");
    }

    public String baseUrl() {
        return node.url();
    }

    /** Starts the node and returns once it answers ready (at most a minute). */
    public void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    PasserelleCli.class.getName(), "serve", "--config", node.configuration().toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Node " + node.code() + " did not start; the end of its log:\n" + logTail());
            }
            sleep(200);
        }
    }

    /** Kills the node at once (SIGKILL): no shutdown hook, no flush, nothing of it runs after this. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** Stops the node as an operator would (SIGTERM), letting it finish what it does. */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitFor();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
