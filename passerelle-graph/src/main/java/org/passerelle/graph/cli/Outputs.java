package org.passerelle.graph.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.passerelle.graph.io.GraphInputException;
import org.passerelle.graph.measure.NotConvergedException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the subcommands share around their work: writing the output file and turning failures into exit codes. */
final class Outputs {
    /** Exit code for input that cannot be read or work that cannot be done. */
    static final int FAILURE = 1;

    private Outputs() {
    }

    interface WriteAction {
        void write(Writer out) throws IOException;
    }

    /** Writes {@code file} (creating its folder if needed) in UTF-8. */
    static void write(Path file, WriteAction action) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            action.write(out);
        }
    }

    /**
     * Runs {@code work}; an expected failure (unreadable or malformed input, bad actor name, unwritable output)
     * becomes one clear line on stderr and exit code {@value #FAILURE}, without a stack trace.
     */
    static int run(CommandSpec spec, Callable<Integer> work) throws Exception {
        try {
            return work.call();
        } catch (NoSuchFileException missing) {
            return fail(spec, "cannot read " + missing.getFile() + ": no such file");
        } catch (GraphInputException | IllegalArgumentException | NotConvergedException invalid) {
            return fail(spec, invalid.getMessage());
        } catch (IOException io) {
            return fail(spec, io.getClass().getSimpleName() + ": " + io.getMessage());
        }
    }

    private static int fail(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": error: " + message);
        return FAILURE;
    }

    static void checkNotNegative(CommandSpec spec, String option, int value) {
        if (value < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be >= 0, got " + value);
        }
    }
}
