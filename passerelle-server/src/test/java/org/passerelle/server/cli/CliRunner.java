package org.passerelle.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.server.support.TestDatabase;
import picocli.CommandLine;

/** Runs the real {@code passerelle} command line in-process and captures what it prints. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    /** A node's configuration file in {@code dataDir} (written on first use): France, on a fresh test database. */
    public static Path nodeConfiguration(Path dataDir) throws IOException {
        Path file = dataDir.resolve("node.properties");
        if (!Files.exists(file)) {
            StringBuilder text = new StringBuilder("passerelle.data-dir=" + dataDir + "\npasserelle.party.code=FR\n");
            TestDatabase.freshDatabase(dataDir).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(file, text.toString());
        }
        return file;
    }

    /** Runs a command with {@code --config FILE} appended (null for commands that take none). */
    public static Result run(Path config, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (config != null) {
            all.add("--config");
            all.add(config.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PasserelleCli.commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
