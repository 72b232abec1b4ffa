package org.passerelle.server.exchange;

import java.time.Instant;
import java.util.List;
import org.passerelle.protocol.AttachmentRef;
import org.passerelle.protocol.Envelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops an envelope's payload (id, hash, signature and metadata remain, so the thread and its proofs hold), and its
 * attachments' bytes once no envelope still holding its content names them — only after the commit: a batch rolled
 * back and handled again must still find them.
 */
@Component
class Purges {

    private final EnvelopeStore envelopes;
    private final AttachmentFiles files;

    Purges(EnvelopeStore envelopes, AttachmentFiles files) {
        this.envelopes = envelopes;
        this.files = files;
    }

    void purge(Envelope target, Instant now) {
        envelopes.purge(target, now);
        List<String> hashes = target.attachments().stream().map(AttachmentRef::sha256).toList();
        if (hashes.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                hashes.stream().filter(sha -> !envelopes.attachmentHeld(sha)).forEach(files::delete);
            }
        });
    }
}
