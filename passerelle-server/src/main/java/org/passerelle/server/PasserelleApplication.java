package org.passerelle.server;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** One Passerelle node: the business modules of this package composed into one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PasserelleApplication {

    /** The one clock every module reads, so that tests can move time (deadlines, lock-outs, sessions). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
