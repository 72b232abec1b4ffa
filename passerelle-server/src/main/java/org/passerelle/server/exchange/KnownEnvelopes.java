package org.passerelle.server.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.ProtocolKinds;

/**
 * What a receiving node holds of the cases and ids of a group of incoming envelopes: read in one query, then kept
 * up to date in memory as the group's envelopes are placed, so that each is checked against its predecessors too.
 */
final class KnownEnvelopes {

    private final Map<String, List<EnvelopeStore.Row>> byCase = new HashMap<>();
    private final Map<String, EnvelopeStore.Row> byId = new HashMap<>();
    private final Set<String> storedHashes = new HashSet<>();

    /** {@code rows} in storage order. */
    KnownEnvelopes(List<EnvelopeStore.Row> rows) {
        rows.forEach(this::add);
    }

    void add(EnvelopeStore.Row row) {
        Envelope envelope = row.envelope();
        byId.put(envelope.id(), row);
        if (!ProtocolKinds.acknowledgement(envelope.kind())) {
            byCase.computeIfAbsent(envelope.caseRef().id(), c -> new ArrayList<>()).add(row);
        }
        if (row.state() != EnvelopeState.HELD) {
            storedHashes.add(envelope.hash());
        }
    }

    Optional<EnvelopeStore.Row> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The case's business envelopes that are not held, in storage order. */
    List<Envelope> thread(String caseId) {
        return byCase.getOrDefault(caseId, List.of()).stream().filter(row -> row.state() != EnvelopeState.HELD)
                .map(EnvelopeStore.Row::envelope).toList();
    }

    /** Whether an envelope with this hash is among those known and not held. */
    boolean storedHash(String hash) {
        return storedHashes.contains(hash);
    }
}
