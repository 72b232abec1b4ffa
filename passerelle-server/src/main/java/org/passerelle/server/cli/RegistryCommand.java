package org.passerelle.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.passerelle.server.registry.ImportStatus;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.shared.Viewer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "registry", mixinStandardHelpOptions = true, description = "Work with the node's identity registry.",
        subcommands = RegistryCommand.Import.class)
final class RegistryCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import civil registry records from a CSV file (UTF-8, header person_id,names,sex,"
                    + "birth_date,birth_place,father_name,mother_name; names and dates separated by |).",
                    "A person already in the registry is replaced; rows that cannot be read are listed with their line"
                            + " and column and the others kept. A running node takes the new records into its index"
                            + " within half a minute.",
                    "Exit 0 when the file was read (even with refused rows), 1 when it could not be (missing, or a"
                            + " header other than the contract's)."})
    static final class Import extends NodeTask {

        @Option(names = "--csv", required = true, paramLabel = "REGISTRY.csv", description = "The file to import.")
        Path csv;

        @Override
        int run(ConfigurableApplicationContext context) throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(csv)) {
                err.println("Cannot read " + csv);
                return 1;
            }
            ImportStatus status = context.getBean(Registry.class).importFile(Viewer.node(), csv,
                    (read, total, records, refused) -> {
                        int percent = total <= 0 ? 100 : (int) (read * 100 / total);
                        err.printf(Locale.ROOT, "\r[%-40s] %3d%% %,d records, %,d rows refused", "#".repeat(percent * 40 / 100),
                                percent, records, refused);
                        err.flush();
                    });
            err.println();
            for (ImportStatus.Problem problem : status.problems()) {
                err.printf("%s:%d: %s: %s%n", csv.getFileName(), problem.line(), problem.column(), problem.message());
            }
            if (status.refused() > status.problems().size()) {
                err.printf(Locale.ROOT, "... and %,d more rows refused%n", status.refused() - status.problems().size());
            }
            if (status.state() != ImportStatus.State.DONE) {
                err.println("Import " + status.state().name().toLowerCase(Locale.ROOT) + ": " + status.message());
                return 1;
            }
            out.printf(Locale.ROOT, "Imported %,d records from %s (%,d rows refused).%n", status.records(),
                    csv.getFileName(), status.refused());
            return 0;
        }
    }
}
