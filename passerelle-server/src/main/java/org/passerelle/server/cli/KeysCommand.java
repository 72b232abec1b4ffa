package org.passerelle.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.passerelle.server.party.NodeIdentity;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "The node's signing keys.",
        subcommands = KeysCommand.Export.class)
final class KeysCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the node's public key (creating the key pair on first use), for peers' configuration.")
    static final class Export implements Callable<Integer> {

        @Mixin
        NodeLauncher.NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = NodeLauncher.start(node, Map.of(), false)) {
                NodeIdentity identity = context.getBean(NodeIdentity.class);
                spec.commandLine().getOut().println(identity.exportedPublicKey());
                spec.commandLine().getErr().println("fingerprint " + identity.fingerprint());
                return 0;
            }
        }
    }
}
