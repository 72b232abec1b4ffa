package org.passerelle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.passerelle.server.support.NodeTest;
import org.passerelle.server.support.TestDatabase;

/** The embedded database's server (AUTO_SERVER) answers on the loopback interface only. */
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
}
