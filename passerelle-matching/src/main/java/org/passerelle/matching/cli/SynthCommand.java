package org.passerelle.matching.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code synth}: synthetic data, meant to be registered in the launcher as {@code passerelle synth …}. Its one
 * subcommand, {@code registry}, writes a Moroccan registry, French queries and the truth.
 */
@Command(name = "synth", description = "Generate synthetic data for tests and benchmarks.",
        subcommands = SynthRegistryCommand.class)
public final class SynthCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: say what exists. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing subcommand: registry.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** Runs the command on its own, outside the launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SynthCommand()).execute(args));
    }
}
