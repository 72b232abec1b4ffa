package org.passerelle.server.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node exchanges with its peers.
 *
 * @param pollInterval how often the outbox looks for due deliveries when nothing wakes it
 * @param batchSize envelopes sent to one peer in one request
 * @param initialBackoff wait before the first retry; doubled at each failure, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param maxEnvelopeBytes the largest envelope accepted
 * @param maxAttachmentBytes the largest attachment accepted
 * @param maxClockSkew how far ahead of this node's clock an envelope may be dated
 * @param maxAge how old an envelope may be when it arrives (older ones are refused as replays)
 */
@ConfigurationProperties("passerelle.exchange")
public record ExchangeProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("1048576") int maxEnvelopeBytes,
        @DefaultValue("20971520") long maxAttachmentBytes,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("30d") Duration maxAge) {
}
