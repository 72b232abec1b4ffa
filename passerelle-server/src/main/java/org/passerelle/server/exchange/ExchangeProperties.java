package org.passerelle.server.exchange;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node exchanges with its peers.
 *
 * @param pollInterval how often the outbox looks for due deliveries when nothing wakes it
 * @param batchSize envelopes sent to one peer in one request (at most the peer's {@code maxEnvelopesPerDelivery})
 * @param maxEnvelopesPerDelivery the most envelopes accepted in one delivery from a peer; more are refused whole, and
 *        the body may not exceed what that many envelopes of the size limit need
 * @param initialBackoff wait before the first retry; doubled at each failure, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param maxEnvelopeBytes the largest envelope accepted
 * @param maxAttachmentBytes the largest attachment accepted
 * @param maxClockSkew how far ahead of this node's clock an envelope may be dated
 * @param maxAge how old an envelope may be when it arrives (older ones are refused as replays)
 * @param sslBundle the Spring SSL bundle with the client certificate used towards peers (empty: none)
 * @param outboxEnabled false stops sending (envelopes stay queued), e.g. during maintenance
 */
@ConfigurationProperties("passerelle.exchange")
public record ExchangeProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("100") int maxEnvelopesPerDelivery,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("1048576") int maxEnvelopeBytes,
        @DefaultValue("20971520") long maxAttachmentBytes,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("") String sslBundle,
        @DefaultValue("true") boolean outboxEnabled) {

    /**
     * How long to wait after failed attempt number {@code attempt} (from 1): 2^(attempt-1) times the initial back-off,
     * capped, then a random half of it added back as jitter, so that nodes retrying together spread out.
     */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis();
        long capped = Math.min(maxBackoff.toMillis(), base << Math.min(Math.max(attempt - 1, 0), 30));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
