package org.passerelle.server.storage;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the embedded database's server on the loopback interface. {@code AUTO_SERVER} (which lets command-line
 * tasks open the database of a running node) starts an H2 server that accepts other machines; H2 binds to
 * {@code h2.bindAddress} when it is set, and reads it once, so it is set before any bean opens a connection.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseLoopback {

    static final String BIND_ADDRESS = "h2.bindAddress";

    @Bean
    static BeanFactoryPostProcessor embeddedDatabaseOnLoopback() {
        return beanFactory -> {
            if (System.getProperty(BIND_ADDRESS) == null) {
                System.setProperty(BIND_ADDRESS, "127.0.0.1");
            }
        };
    }
}
