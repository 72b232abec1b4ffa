package org.passerelle.graph.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code network}: network analytics from the command line, meant to be registered in the application launcher as
 * {@code passerelle network …}. Subcommands: {@code analyze} (every measure into a JSON report) and
 * {@code disrupt} (a disruption curve into a CSV file). Both report bad input on stderr and exit non-zero.
 */
@Command(name = "network",
        description = "Analyse criminal networks: centralities, communities, cut points, disruption curves.",
        subcommands = {AnalyzeCommand.class, DisruptCommand.class})
public final class NetworkCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: say what exists. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing subcommand: analyze or disrupt.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** Runs the command on its own, outside the launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new NetworkCommand()).execute(args));
    }
}
