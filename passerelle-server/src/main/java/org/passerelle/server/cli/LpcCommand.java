package org.passerelle.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import org.passerelle.protocol.PublicKeys;
import org.passerelle.server.readmission.LaissezPasserCheck;
import org.passerelle.server.readmission.LaissezPasserSeal;
import org.passerelle.server.readmission.Readmissions;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lpc", mixinStandardHelpOptions = true, description = "Work with consular laissez-passers.",
        subcommands = LpcCommand.Verify.class)
final class LpcCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a laissez-passer PDF offline: read the seal from its code, verify it with Morocco's"
                    + " public key, and compare the printed number, validity and name with the sealed data.",
                    "With --public-key (as 'passerelle keys export' on Morocco's node, or /api/v1/node, prints it) the"
                            + " check needs nothing else; with --config it uses the node's copy of Morocco's key and"
                            + " also knows the laissez-passers Morocco revoked.",
                    "Exit 0 when valid; 1 when not (altered, another key, expired, revoked, no seal, print differs);"
                            + " 2 when the command cannot run (no key given, unreadable file)."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The laissez-passer to check.")
        Path file;

        @Option(names = "--public-key", paramLabel = "KEY", description = "Morocco's public key.")
        String publicKey;

        @Mixin
        NodeLauncher.NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(file)) {
                err.println("Cannot read " + file);
                return 2;
            }
            byte[] pdf = Files.readAllBytes(file);
            LaissezPasserCheck check;
            if (publicKey != null) {
                PublicKey key;
                try {
                    key = PublicKeys.decode(publicKey.strip());
                } catch (IllegalArgumentException e) {
                    err.println("Not a public key as 'passerelle keys export' prints it: " + e.getMessage());
                    return 2;
                }
                check = LaissezPasserCheck.of(pdf, key, LocalDate.now(ZoneOffset.UTC), number -> false);
            } else if (node.config != null) {
                try (ConfigurableApplicationContext context = NodeLauncher.start(node, Map.of(), false)) {
                    check = context.getBean(Readmissions.class).checkPdf(pdf);
                }
            } else {
                err.println("Give Morocco's key (--public-key KEY) or a node's configuration (--config FILE).");
                return 2;
            }
            print(out, check);
            return check.verdict().valid() ? 0 : 1;
        }

        private static void print(PrintWriter out, LaissezPasserCheck check) {
            out.println(switch (check.verdict()) {
                case VALID -> "VALID: signed by Morocco, intact, valid today, not known to be revoked.";
                case MALFORMED -> "NOT VALID: the code does not hold a laissez-passer seal.";
                case ALTERED -> "NOT VALID: the data or the signature were changed after sealing.";
                case WRONG_KEY -> "NOT VALID: sealed with another key than the one given.";
                case EXPIRED -> "NOT VALID: expired.";
                case NOT_YET_VALID -> "NOT VALID: not valid yet.";
                case REVOKED -> "NOT VALID: revoked by Morocco.";
                case NO_SEAL -> "NOT VALID: no seal could be read in the file.";
                case PRINT_ALTERED -> "NOT VALID: the printed number, validity or name differ from the seal.";
            });
            LaissezPasserSeal.Data data = check.data();
            if (data != null) {
                out.printf("  number      %s%n  names       %s%n  sex         %s%n  born        %s, %s%n"
                                + "  issued      %s by %s (consulate %s)%n  valid until %s%n  journey     %s -> %s%n"
                                + "  key         %s%n", data.number(), String.join(" / ", data.names()), data.sex(),
                        data.birthDate(), data.birthPlace(), data.issuedOn(), data.issuer(), data.consulate(),
                        data.validUntil(), data.from(), data.to(), data.keyFingerprint());
            }
            out.flush();
        }
    }
}
