package org.passerelle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TestDatabase;

/**
 * The embedded database is the node's account's alone: its server (AUTO_SERVER) answers on the loopback interface
 * only, and with the password kept beside the node's key; its files and the data folder are owner-only.
 */
class EmbeddedDatabaseLoopbackTest extends NodeTest {

    @Test
    void theEmbeddedDatabaseServerListensOnLoopbackOnly() throws IOException {
        Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL: no embedded database server");
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(DATA_DIR.resolve("db/passerelle.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        assertThat(server).matches("(localhost|127\\.0\\.0\\.1):\\d+");
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a.getAddress().length == 4).findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "no network address besides loopback");
        assertThatThrownBy(() -> {
            try (Socket other = new Socket()) {
                other.connect(new InetSocketAddress(outside.get(), port), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void theEmbeddedDatabaseTakesNoEmptyPasswordAndItsFilesAreOwnerOnly() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL: no embedded database");
        String url = DATABASE.get("spring.datasource.url");
        // What another local account could try through the loopback server: sa with an empty password.
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        Path password = DATA_DIR.resolve("keys/database.password");
        assertThat(Files.getPosixFilePermissions(password)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        try (Connection node = TestDatabase.connect(DATA_DIR, DATABASE)) {
            assertThat(node.isValid(2)).isTrue();
        }
        for (Path folder : List.of(DATA_DIR, DATA_DIR.resolve("db"))) {
            assertThat(Files.getPosixFilePermissions(folder)).as(folder.toString())
                    .containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
        }
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("db/passerelle.mv.db")))
                .doesNotContain(GROUP_READ, OTHERS_READ);
    }

    @Test
    void aDatabaseCreatedWithoutAPasswordIsGivenOneAndKeepsItsData() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL: no embedded database");
        Path dataDir = Files.createTempDirectory("passerelle-old-node");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/passerelle") + ";AUTO_SERVER=TRUE";
        try (Connection before = DriverManager.getConnection(url, "sa", "")) {
            before.createStatement().execute("CREATE SCHEMA old; CREATE TABLE old.kept (v INT); INSERT INTO old.kept VALUES (42)");
        }
        Path config = dataDir.resolve("node.properties");
        Files.writeString(config, "passerelle.data-dir=" + dataDir + "\npasserelle.party.code=FR\nspring.datasource.url="
                + url + "\n");
        var listed = org.passerelle.server.cli.CliRunner.run(config, "users", "list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection after = DriverManager.getConnection(url, "sa",
                Files.readString(dataDir.resolve("keys/database.password")).strip());
             var rows = after.createStatement().executeQuery("SELECT v FROM old.kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }
}
