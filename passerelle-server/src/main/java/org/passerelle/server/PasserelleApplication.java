package org.passerelle.server;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** One Passerelle node: the business modules of this package composed into one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PasserelleApplication {

    /**
     * The one clock every module reads, so that tests can move time (deadlines, lock-outs, sessions). Nodes started
     * together in one process (the demo) may be given a clock they share instead.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
