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
