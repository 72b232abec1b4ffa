package org.passerelle.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security module's settings.
 *
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, however active
 * @param apiTokenLifetime a personal API token stops working this long after its creation
 * @param generatedPasswordLifetime a password an administrator generated stops working if its owner has not replaced
 *        it within this time
 * @param anonymousRefusalsPerMinute refusals of callers not signed in recorded one by one per address and minute; the
 *        rest are counted into one entry
 */
@ConfigurationProperties("passerelle.security")
public record SecurityProperties(
        @DefaultValue("8h") Duration sessionAbsoluteTimeout,
        @DefaultValue("90d") Duration apiTokenLifetime,
        @DefaultValue("3d") Duration generatedPasswordLifetime,
        @DefaultValue("60") int anonymousRefusalsPerMinute) {
}
