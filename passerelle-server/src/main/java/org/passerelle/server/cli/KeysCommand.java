package org.passerelle.server.cli;

import org.passerelle.server.party.NodeIdentity;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "The node's signing keys.",
        subcommands = KeysCommand.Export.class)
final class KeysCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the node's public key (creating the key pair on first use), for peers' configuration.")
    static final class Export extends NodeTask {

        @Override
        int run(ConfigurableApplicationContext context) {
            NodeIdentity identity = context.getBean(NodeIdentity.class);
            spec.commandLine().getOut().println(identity.exportedPublicKey());
            spec.commandLine().getErr().println("fingerprint " + identity.fingerprint());
            return 0;
        }
    }
}
