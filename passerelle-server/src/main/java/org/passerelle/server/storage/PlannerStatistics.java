package org.passerelle.server.storage;

import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Refreshes the statistics the database plans its queries with, for the node's own tables. A node in service has them
 * from autovacuum within a minute of a change; a benchmark that fills tables created empty seconds before needs them
 * at once, or its look-ups keep the plans of empty tables.
 */
@Component
public class PlannerStatistics {

    private final JdbcClient jdbc;
    private final boolean postgresql;

    PlannerStatistics(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgresql = "PostgreSQL".equalsIgnoreCase(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * Refreshes the statistics of the named tables only, for a module that has just grown one of them a great deal
     * (a registry import): until then a query planned on the empty table may scan where it should look up.
     */
    public void refresh(String... tables) {
        for (String table : tables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
            jdbc.sql((postgresql ? "ANALYZE " : "ANALYZE TABLE ") + table).update();
        }
    }

    public void refresh() {
        if (!postgresql) {
            jdbc.sql("ANALYZE").update();
            return;
        }
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                .query(String.class).list();
        for (String table : tables) {
            jdbc.sql("ANALYZE \"" + table.replace("\"", "\"\"") + "\"").update();
        }
    }
}
