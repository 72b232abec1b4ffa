package org.passerelle.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test node runs on: H2 in file mode (the embedded default) or PostgreSQL, chosen by the
 * system property {@code passerelle.test.database} ({@code h2} or {@code postgresql}, as ./run-tests sets it).
 * On PostgreSQL every node gets a fresh schema of its own in the {@code test} database.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("passerelle.test.database", "h2"));
    }

    /** Spring properties that point a node at a new, empty database. */
    public static Map<String, String> freshDatabase(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (postgres()) {
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String url = "jdbc:postgresql://" + env("PASSERELLE_TEST_PG_HOST", "127.0.0.1") + ":"
                    + env("PASSERELLE_TEST_PG_PORT", "5432") + "/" + env("PASSERELLE_TEST_PG_DATABASE", "test");
            createSchema(url, schema);
            properties.put("spring.datasource.url", url + "?currentSchema=" + schema);
            properties.put("spring.datasource.username", env("PASSERELLE_TEST_PG_USER", "postgres"));
            properties.put("spring.datasource.password", env("PASSERELLE_TEST_PG_PASSWORD", ""));
            properties.put("spring.flyway.default-schema", schema);
        } else {
            properties.put("spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/passerelle") + ";AUTO_SERVER=TRUE");
        }
        return properties;
    }

    /**
     * A connection of the test's own to a node's database given by {@code properties} (as {@link #freshDatabase} made
     * them), also while the node runs in another process: H2 lets a second process in through its loopback server,
     * with the password the node generated and keeps in {@code dataDir/keys}.
     */
    public static Connection connect(Path dataDir, Map<String, ?> properties) throws SQLException {
        String url = String.valueOf(properties.get("spring.datasource.url"));
        if (postgres()) {
            return DriverManager.getConnection(url, env("PASSERELLE_TEST_PG_USER", "postgres"),
                    env("PASSERELLE_TEST_PG_PASSWORD", ""));
        }
        try {
            return DriverManager.getConnection(url, "sa",
                    Files.readString(dataDir.resolve("keys").resolve("database.password")).strip());
        } catch (IOException e) {
            throw new SQLException("No password kept for the database of " + dataDir, e);
        }
    }

    private static void createSchema(String url, String schema) {
        try (Connection connection = DriverManager.getConnection(url, env("PASSERELLE_TEST_PG_USER", "postgres"),
                env("PASSERELLE_TEST_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
