package org.passerelle.server.witness;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.Handling;
import org.passerelle.server.audit.AuditCheckpoint;
import org.passerelle.server.audit.AuditCheckpointSigned;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Sends every head of the audit chain the node signs to each peer, in the transaction that signs it; the peer's
 * signed receipt proves it keeps a copy. The heads a peer keeps come back on request, for {@code audit verify --peers}.
 * A node's heads of one month share a case, so that no thread grows without end.
 */
@Service
public class Witnesses {

    /** What a peer last witnessed of this node's chain: the newest head it acknowledged, and when. */
    public record PeerWitness(Peer peer, Optional<AuditCheckpoint> checkpoint, Instant acknowledgedAt) {
    }

    private final Exchange exchange;
    private final PartyDirectory parties;

    Witnesses(Exchange exchange, PartyDirectory parties) {
        this.exchange = exchange;
        this.parties = parties;
    }

    @EventListener
    void onCheckpointSigned(AuditCheckpointSigned signed) {
        List<String> peers = parties.peers().stream().map(p -> p.party().code()).toList();
        if (peers.isEmpty()) {
            return;
        }
        AuditCheckpoint checkpoint = signed.checkpoint();
        String month = YearMonth.from(checkpoint.signedAt().atZone(ZoneOffset.UTC)).toString();
        exchange.send(new CaseRef(WitnessKinds.CASE_TYPE + "-" + parties.self().code() + "-" + month,
                        WitnessKinds.CASE_TYPE), WitnessKinds.CHECKPOINT, peers, Handling.ROUTINE,
                EnvelopeJson.object().put("seq", Long.toString(checkpoint.seq())).put("hash", checkpoint.entryHash())
                        .put("signedAt", checkpoint.signedAt().toString()).put("signature", checkpoint.signature()),
                List.of());
    }

    /** For each peer, the newest head of this node's chain it acknowledged (none yet: empty). */
    public List<PeerWitness> lastWitnessed() {
        Map<String, Exchange.Acknowledged> acknowledged = exchange.newestAcknowledged(WitnessKinds.CASE_TYPE).stream()
                .collect(Collectors.toMap(Exchange.Acknowledged::peer, Function.identity()));
        return parties.peers().stream().map(peer -> {
            Exchange.Acknowledged newest = acknowledged.get(peer.party().code());
            return newest == null ? new PeerWitness(peer, Optional.empty(), null)
                    : new PeerWitness(peer, Optional.of(checkpoint(newest.envelope().payload())), newest.at());
        }).toList();
    }

    /** The heads of this node's chain {@code peer} keeps, asked of it now (its newest ones). */
    public List<AuditCheckpoint> witnessedBy(String peer) throws IOException {
        return exchange.returnedBy(peer, WitnessKinds.CASE_TYPE).stream()
                .filter(envelope -> WitnessKinds.CHECKPOINT.equals(envelope.kind())).map(Envelope::payload)
                .map(Witnesses::checkpoint).toList();
    }

    private static AuditCheckpoint checkpoint(JsonNode payload) {
        return new AuditCheckpoint(Long.parseLong(payload.path("seq").asString()), payload.path("hash").asString(),
                Instant.parse(payload.path("signedAt").asString()), payload.path("signature").asString());
    }
}
