package org.passerelle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real node database (H2 file or PostgreSQL), without a running server. */
class CliTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"serve", "--help"}, {"demo", "--help"},
                {"audit", "--help"}, {"audit", "verify", "--help"}, {"users", "--help"}, {"users", "add", "--help"},
                {"users", "list", "--help"}, {"users", "disable", "--help"}, {"users", "enable", "--help"},
                {"users", "reset-password", "--help"}, {"users", "reset-second-factor", "--help"}, {"keys", "--help"}, {"keys", "export", "--help"},
                {"network", "--help"}, {"network", "analyze", "--help"}, {"network", "disrupt", "--help"},
                {"match", "--help"}, {"synth", "--help"}, {"synth", "registry", "--help"}}) {
            CliRunner.Result result = CliRunner.run(null, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).contains("Usage: passerelle");
        }
    }

    @Test
    void usersAreCreatedListedDisabledAndAudited() throws IOException {
        Path config = config();
        CliRunner.Result added = CliRunner.run(config, "users", "add", "--username", "cli.consul", "--name",
                "Consul Test", "--role", "central_migration_officer", "--provision-totp");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Created cli.consul").containsPattern("Initial password: \\S{19}")
                .containsPattern("Authenticator secret \\(base32\\): [A-Z2-7]{32}");

        assertThat(CliRunner.run(config, "users", "disable", "cli.consul").exitCode()).isZero();
        assertThat(CliRunner.run(config, "users", "list").out()).containsPattern("cli.consul\\s+CENTRAL_MIGRATION_OFFICER\\s+no\\s+yes");
        assertThat(CliRunner.run(config, "audit", "verify").out()).contains("Audit chain intact");
    }

    /** The operator on the server opens an auditor account at once: the command line is the second pair of hands. */
    @Test
    void theCommandLineOpensAnAuditorAccountWithoutApproval() throws IOException {
        Path config = config();
        CliRunner.Result added = CliRunner.run(config, "users", "add", "--username", "cli.auditor", "--name",
                "Data protection officer", "--role", "auditor");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("Initial password: \\S{19}");
        assertThat(CliRunner.run(config, "users", "list").out()).containsPattern("cli.auditor\\s+AUDITOR\\s+yes");
    }

    @Test
    void invalidUsersAreRefusedWithTheReason() throws IOException {
        Path config = config();
        CliRunner.Result wrongParty = CliRunner.run(config, "users", "add", "--username", "cli.other", "--name",
                "Other", "--role", "consular_officer");
        assertThat(wrongParty.exitCode()).isEqualTo(2);
        assertThat(wrongParty.err()).contains("role: This role does not exist on this party's node");
    }

    @Test
    void keysExportPrintsTheSameKeyEveryTime() throws IOException {
        Path config = config();
        CliRunner.Result first = CliRunner.run(config, "keys", "export");
        CliRunner.Result second = CliRunner.run(config, "keys", "export");
        assertThat(first.out()).startsWith("ed25519:").isEqualTo(second.out());
        assertThat(Files.exists(dataDir.resolve("keys/node-ed25519.key"))).isTrue();
    }

    private Path config() throws IOException {
        return CliRunner.nodeConfiguration(dataDir);
    }
}
