package org.passerelle.protocol;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUID version 7 (RFC 9562): a millisecond timestamp then random bits, so ids sort by creation time. */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {
    }

    public static UUID at(Instant instant) {
        long millis = instant.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
