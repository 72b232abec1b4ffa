package org.passerelle.server.storage;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transaction manager every module's transactions go through ({@link NodeTransactionManager}), and the node's
 * files kept to its own account ({@link EmbeddedDatabaseProtection}).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** Static: it post-processes the data source's settings, which exist before any instance of this class. */
    @Bean
    static EmbeddedDatabaseProtection embeddedDatabaseProtection() {
        return new EmbeddedDatabaseProtection();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        NodeTransactionManager manager = new NodeTransactionManager(dataSource,
                "H2".equalsIgnoreCase(product) ? new EmbeddedFileSync() : null);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
