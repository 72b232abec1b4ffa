package org.passerelle.server.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry module's settings.
 *
 * @param matchThreshold the probability from which a candidate is called a match
 * @param possibleThreshold the probability from which a candidate is called a possible match
 * @param estimationSample the most queries a model is estimated from (the newest)
 * @param indexEnabled whether this process opens the engine's indexes (a command-line task does not: the running node
 *        holds them)
 */
@ConfigurationProperties("passerelle.registry")
public record RegistryProperties(
        @DefaultValue("0.8") double matchThreshold,
        @DefaultValue("0.5") double possibleThreshold,
        @DefaultValue("2000") int estimationSample,
        @DefaultValue("true") boolean indexEnabled) {
}
