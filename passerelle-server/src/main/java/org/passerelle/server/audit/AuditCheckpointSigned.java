package org.passerelle.server.audit;

/** Published, in the transaction that stores it, when the node signs a new head of its audit chain. */
public record AuditCheckpointSigned(AuditCheckpoint checkpoint) {
}
