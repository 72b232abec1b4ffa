package org.passerelle.protocol;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Decides whether a received envelope may be stored, and if not, why (one {@link RejectionReason}).
 * Missing parents are not its business: the inbox holds such envelopes until they arrive.
 */
public final class EnvelopeVerifier {

    /** Limits a node applies to what it receives. */
    public record Limits(int maxEnvelopeBytes, Duration maxClockSkew, Duration maxAge) {
        public static final Limits DEFAULT = new Limits(1 << 20, Duration.ofMinutes(5), Duration.ofDays(30));
    }

    private final String self;
    private final Map<String, PublicKey> senders;
    private final KindRegistry kinds;
    private final Limits limits;
    private final Clock clock;

    public EnvelopeVerifier(String self, Map<String, PublicKey> senders, KindRegistry kinds, Limits limits, Clock clock) {
        this.self = self;
        this.senders = Map.copyOf(senders);
        this.kinds = kinds;
        this.limits = limits;
        this.clock = clock;
    }

    /** Parses and checks a received envelope; throws {@link EnvelopeRejectedException} with the reason. */
    public Envelope verify(String json) {
        if (json.length() > limits.maxEnvelopeBytes()) {
            throw new EnvelopeRejectedException(RejectionReason.PAYLOAD_TOO_LARGE,
                    json.length() + " characters, the limit is " + limits.maxEnvelopeBytes());
        }
        Envelope envelope = EnvelopeJson.parse(json);
        verifySignature(envelope);
        if (!envelope.addressedTo(self)) {
            throw new EnvelopeRejectedException(RejectionReason.WRONG_RECIPIENT,
                    "addressed to " + envelope.to() + ", this node is " + self);
        }
        PayloadSchema schema = kinds.schema(envelope.kind()).orElseThrow(() ->
                new EnvelopeRejectedException(RejectionReason.UNKNOWN_KIND, "kind '" + envelope.kind() + "'"));
        schema.violation(envelope.payload()).ifPresent(v -> {
            throw new EnvelopeRejectedException(RejectionReason.SCHEMA_VIOLATION, envelope.kind() + ": " + v);
        });
        Instant now = clock.instant();
        if (envelope.sentAt().isAfter(now.plus(limits.maxClockSkew()))) {
            throw new EnvelopeRejectedException(RejectionReason.CLOCK_SKEW,
                    "sent at " + envelope.sentAt() + ", ahead of this node's clock (" + now + ")");
        }
        if (envelope.sentAt().isBefore(now.minus(limits.maxAge()))) {
            throw new EnvelopeRejectedException(RejectionReason.TOO_OLD,
                    "sent at " + envelope.sentAt() + ", older than " + limits.maxAge().toDays() + " days");
        }
        return envelope;
    }

    /** Checks only who signed: for envelopes already stored, which must keep verifying however old they get. */
    public void verifySignature(Envelope envelope) {
        PublicKey key = senders.get(envelope.from());
        if (key == null) {
            throw new EnvelopeRejectedException(RejectionReason.UNKNOWN_SENDER, "no trusted key for " + envelope.from());
        }
        if (!DetachedJws.verify(envelope.signature(), envelope.from(), key, envelope.canonical())) {
            throw new EnvelopeRejectedException(RejectionReason.BAD_SIGNATURE,
                    "the signature does not match " + envelope.from() + "'s key and the content");
        }
    }
}
