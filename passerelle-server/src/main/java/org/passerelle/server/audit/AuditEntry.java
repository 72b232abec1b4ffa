package org.passerelle.server.audit;

import java.time.Instant;

/** One stored link of the audit chain: the event, its position, and the hashes that chain it. */
public record AuditEntry(long seq, Instant recordedAt, AuditEvent event, String previousHash, String hash) {
}
