package org.passerelle.server.cli;

import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.ChainVerification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the audit chain from its first entry; name the first broken entry. Exit 1 if broken.")
    static final class Verify extends NodeTask {

        @Override
        int run(ConfigurableApplicationContext context) {
            ChainVerification result = context.getBean(AuditLog.class).verify();
            if (result.intact()) {
                spec.commandLine().getOut().printf("Audit chain intact: %d entries verified.%n", result.entriesChecked());
                return 0;
            }
            spec.commandLine().getErr().printf("Audit chain BROKEN at entry %d: %s (%d entries before it verified).%n",
                    result.firstBrokenSeq().getAsLong(), result.reason(), result.entriesChecked());
            return 1;
        }
    }
}
