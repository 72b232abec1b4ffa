package org.passerelle.server.exchange;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.passerelle.protocol.Envelope;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches the parents of held envelopes from the node that sent them, stores them through the inbox like
 * any delivery, then releases the envelopes that were waiting.
 */
@Component
class ParentBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ParentBackfill.class);

    private final EnvelopeStore envelopes;
    private final Inbox inbox;
    private final PeerTransport transport;
    private final PartyDirectory parties;

    ParentBackfill(EnvelopeStore envelopes, Inbox inbox, PeerTransport transport, PartyDirectory parties) {
        this.envelopes = envelopes;
        this.inbox = inbox;
        this.transport = transport;
        this.parties = parties;
    }

    void fetchMissingParents() {
        Set<String> asked = new LinkedHashSet<>();
        for (EnvelopeStore.Row row : envelopes.held()) {
            Envelope held = row.envelope();
            Optional<Peer> sender = parties.peer(held.from());
            if (sender.isEmpty()) {
                continue;
            }
            for (String parent : held.parents()) {
                if (!envelopes.stored(parent) && asked.add(parent)) {
                    fetch(sender.get(), parent);
                }
            }
        }
        inbox.releaseHeld();
    }

    private void fetch(Peer peer, String hash) {
        try {
            Optional<ExchangeBatch> batch = transport.fetch(peer, hash).map(ExchangeBatch::parse);
            if (batch.isEmpty()) {
                LOG.warn("{} does not hold parent {}", peer.party().code(), hash);
                return;
            }
            for (Inbox.Answer answer : inbox.receiveAll(peer.party().code(), batch.get().envelopes(),
                    batch.get().attachments())) {
                LOG.info("Backfilled parent {} from {}: {}", hash, peer.party().code(), answer.outcome());
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Cannot fetch parent {} from {} yet: {}", hash, peer.party().code(), e.getMessage());
        }
    }
}
