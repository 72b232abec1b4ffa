package org.passerelle.server.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.shared.InvalidInputException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A one-off task on a node's storage and keys, without serving HTTP: starts the node's context from its
 * configuration, runs, and prints broken rules in plain English (exit code 2).
 */
abstract class NodeTask implements Callable<Integer> {

    @Mixin
    NodeLauncher.NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws IOException {
        try (ConfigurableApplicationContext context = NodeLauncher.start(node, Map.of(), false)) {
            try {
                return run(context);
            } catch (InvalidInputException e) {
                Messages messages = context.getBean(Messages.class);
                e.errors().forEach(f -> spec.commandLine().getErr()
                        .printf("%s: %s%n", f.field(), messages.get(Language.EN, f.messageKey())));
                return 2;
            }
        }
    }

    /** The task itself; returns the exit code. */
    abstract int run(ConfigurableApplicationContext context) throws IOException;
}
