package org.passerelle.server.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The head of this node's audit chain at one moment, signed with the node's key: entry {@code seq} had the hash
 * {@code entryHash}. Kept by the node and sent to its peers, which keep it as witnesses; someone able to write the
 * database but without the key cannot remove entries signed for, or rewrite them, without a signed head saying so.
 */
public record AuditCheckpoint(long seq, String entryHash, Instant signedAt, String signature) {

    /** What the signature covers, for the node of party {@code party}. */
    public static byte[] signedBytes(String party, long seq, String entryHash, Instant signedAt) {
        return ("passerelle-audit-checkpoint\n" + party + "\n" + seq + "\n" + entryHash + "\n" + signedAt)
                .getBytes(StandardCharsets.UTF_8);
    }
}
