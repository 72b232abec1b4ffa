package org.passerelle.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.ChainVerification;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.passerelle.server.witness.Witnesses;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the audit chain from its first entry and check it against the heads this node signed;"
                    + " name the first broken entry.",
                    "Exit 0 intact, 1 broken, 3 when a peer asked with --peers could not answer."})
    static final class Verify extends NodeTask {

        @Option(names = "--peers", description = "Also check the chain against the signed heads each peer keeps as a"
                + " witness (asked over the network, signed with this node's key).")
        boolean peers;

        @Override
        int run(ConfigurableApplicationContext context) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AuditLog log = context.getBean(AuditLog.class);
            boolean intact = report(log.verify(), out, err);
            boolean unanswered = false;
            if (peers) {
                for (Peer peer : context.getBean(PartyDirectory.class).peers()) {
                    String witness = "peer " + peer.party().code();
                    try {
                        intact &= report(log.verify(context.getBean(Witnesses.class).witnessedBy(peer.party().code()),
                                witness), out, err);
                    } catch (IOException | RuntimeException e) {
                        err.printf("Could not ask %s for the heads it witnessed: %s%n", witness, e.getMessage());
                        unanswered = true;
                    }
                }
            }
            return !intact ? 1 : unanswered ? 3 : 0;
        }

        private static boolean report(ChainVerification result, PrintWriter out, PrintWriter err) {
            if (result.intact()) {
                out.printf("Audit chain intact: %d entries verified, %d signed heads kept by %s agree.%n",
                        result.entriesChecked(), result.signedHeadsChecked(), result.headsKeptBy());
                return true;
            }
            err.printf("Audit chain BROKEN at entry %d: %s (%d entries before it verified).%n",
                    result.firstBrokenSeq().getAsLong(), result.reason(), result.entriesChecked());
            return false;
        }
    }
}
