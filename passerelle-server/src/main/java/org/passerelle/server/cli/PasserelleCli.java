package org.passerelle.server.cli;

import org.passerelle.graph.cli.NetworkCommand;
import org.passerelle.matching.cli.MatchCommand;
import org.passerelle.matching.cli.SynthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code passerelle} command: every task an operator runs on a node. */
@Command(name = "passerelle", mixinStandardHelpOptions = true, versionProvider = PasserelleCli.Version.class,
        description = "Passerelle: a node of the Moroccan–French cooperation platform.",
        subcommands = {ServeCommand.class, DemoCommand.class, AuditCommand.class, UsersCommand.class, RegistryCommand.class,
                KeysCommand.class, LpcCommand.class, NetworkCommand.class, MatchCommand.class, SynthCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class PasserelleCli {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0 || !NodeLauncher.anyServing()) {
            System.exit(exit);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new PasserelleCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PasserelleCli.class.getPackage().getImplementationVersion();
            return new String[] {"passerelle " + (version == null ? "development build" : version)};
        }
    }
}
