package org.passerelle.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links an audit entry to the one before it.
 *
 * <p>Every field is length-prefixed before hashing, so that no two different entries can produce the
 * same byte sequence by moving text from one field to the next.
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    static String hash(long seq, Instant recordedAt, AuditEvent e, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {Long.toString(seq), recordedAt.toString(), e.actor(), e.action(),
                e.recordType(), e.recordId(), e.address(), e.outcome().name(), e.details(), previousHash}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
    }
}
