package org.passerelle.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.security.UserAccount;
import org.passerelle.server.security.UserService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.passerelle.server.shared.Role;

@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the node's local users.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.ResetPassword.class, UsersCommand.ResetSecondFactor.class})
final class UsersCommand {

    /** A task on the node's user store. */
    abstract static class UserTask extends NodeTask {

        @Override
        final int run(ConfigurableApplicationContext context) throws IOException {
            run(context.getBean(UserService.class), spec.commandLine().getOut());
            return 0;
        }

        abstract void run(UserService users, PrintWriter out) throws IOException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers extends UserTask {
        @Override
        void run(UserService users, PrintWriter out) {
            out.printf("%-24s %-32s %-8s %-6s %s%n", "USERNAME", "ROLE", "ENABLED", "2FA", "OFFICE");
            for (UserAccount a : users.list()) {
                out.printf("%-24s %-32s %-8s %-6s %s%n", a.username(), a.role(), a.enabled() ? "yes" : "no",
                        a.secondFactorEnrolled() ? "yes" : "no", a.office() == null ? "" : a.office());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user. Without --password-stdin a password is generated and printed once.")
    static final class Add extends UserTask {
        @Option(names = "--username", required = true) String username;
        @Option(names = "--name", required = true, description = "Display name.") String displayName;
        @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}")
        org.passerelle.server.shared.Role role;
        @Option(names = "--office", description = "Prefecture, consulate or service.") String office;
        @Option(names = "--password-stdin", description = "Read the initial password from standard input.")
        boolean passwordFromStdin;
        @Option(names = "--provision-totp",
                description = "Set an authenticator secret now and print it, instead of enrolment at first sign-in.")
        boolean provisionTotp;

        @Override
        void run(UserService users, PrintWriter out) throws IOException {
            String password = null;
            if (passwordFromStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            UserService.Created created = users.create(new NewUser(username, displayName, role.name(), office, password));
            out.printf("Created %s (%s).%n", created.account().username(), created.account().role());
            if (created.initialPassword() != null) {
                out.printf("Initial password: %s%n", created.initialPassword());
            }
            if (provisionTotp) {
                out.printf("Authenticator secret (base32): %s%n", users.provisionSecondFactor(username));
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user and revoke their tokens.")
    static final class Disable extends UserTask {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        void run(UserService users, PrintWriter out) {
            users.setEnabled(username, false);
            out.printf("Disabled %s.%n", username);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user again.")
    static final class Enable extends UserTask {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        void run(UserService users, PrintWriter out) {
            users.setEnabled(username, true);
            out.printf("Enabled %s.%n", username);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give a user a new generated password, to replace at their next sign-in; their authenticator stays.")
    static final class ResetPassword extends UserTask {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        void run(UserService users, PrintWriter out) {
            out.printf("New password for %s: %s%n", username, users.resetPassword(username));
        }
    }

    @Command(name = "reset-second-factor", mixinStandardHelpOptions = true,
            description = "Remove a user's authenticator; they sign in with their own password and enrol a new one.")
    static final class ResetSecondFactor extends UserTask {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        void run(UserService users, PrintWriter out) {
            users.resetSecondFactor(username);
            out.printf("Removed the authenticator of %s: they enrol a new one at their next sign-in.%n", username);
        }
    }
}
