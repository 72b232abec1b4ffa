package org.passerelle.server.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings.
 *
 * @param checkpoint when the node signs the head of its chain
 */
@ConfigurationProperties("passerelle.audit")
public record AuditProperties(@DefaultValue Checkpoint checkpoint) {

    /**
     * @param everyEntries a new head is signed once this many entries were added since the last one
     * @param every and at least this often while entries are added
     */
    public record Checkpoint(@DefaultValue("1000") int everyEntries, @DefaultValue("10m") Duration every) {
    }
}
