package org.passerelle.server.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * The database a benchmark's nodes run on: their embedded H2, or a schema each in a PostgreSQL server, created for the
 * run and dropped after it so that runs do not pile up.
 */
final class BenchDatabase {

    @Option(names = "--database", defaultValue = "h2", description = "h2 or postgresql (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    @Option(names = "--pg-password", defaultValue = "${env:PGPASSWORD}")
    String pgPassword;

    private final List<String> schemas = new ArrayList<>();

    String name() {
        return database;
    }

    /** The properties that put a node ({@code node}: its schema's name part) on the chosen database. */
    Map<String, Object> properties(String node) throws SQLException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("logging.level.root", "WARN");
        if ("postgresql".equals(database)) {
            String schema = "bench_" + node + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = connect()) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            schemas.add(schema);
            properties.put("spring.datasource.url", pgUrl + "?currentSchema=" + schema);
            properties.put("spring.datasource.username", pgUser);
            properties.put("spring.datasource.password", password());
            properties.put("spring.flyway.default-schema", schema);
        } else if (!"h2".equals(database)) {
            throw new IllegalArgumentException("--database is h2 or postgresql");
        }
        return properties;
    }

    void dropSchemas() throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection c = connect()) {
            for (String schema : schemas) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(pgUrl, pgUser, password());
    }

    private String password() {
        return pgPassword == null ? "" : pgPassword;
    }
}
