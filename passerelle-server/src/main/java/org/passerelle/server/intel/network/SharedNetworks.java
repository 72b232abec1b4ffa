package org.passerelle.server.intel.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.CaseEnvelopeStored;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.shared.Viewer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Networks between the parties: a slice sent as one envelope ({@code network.share}), and a slice received becoming a
 * network of this node, marked with the party it came from, in the transaction that stored the envelope.
 */
@Component
class SharedNetworks {

    private final NetworkStore store;
    private final Exchange exchange;
    private final AuditTrail audit;
    private final Clock clock;

    SharedNetworks(NetworkStore store, Exchange exchange, AuditTrail audit, Clock clock) {
        this.store = store;
        this.exchange = exchange;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends {@code links} under {@code name} to {@code toParty} as a new case of its own. */
    void send(String name, List<NetworkLink> links, String toParty, Handling handling) {
        ArrayNode array = EnvelopeJson.object().putArray("links");
        for (NetworkLink l : links) {
            array.addObject().put("source", l.source()).put("source_kind", l.sourceKind()).put("target", l.target())
                    .put("target_kind", l.targetKind()).put("kind", l.kind()).put("weight", l.weight())
                    .put("date", l.observedOn().toString()).put("source_document", l.sourceDocument())
                    .put("grading", l.grading()).put("handling", l.handlingCode());
        }
        ObjectNode payload = EnvelopeJson.object().put("name", name);
        payload.set("links", array);
        exchange.send(new CaseRef(UuidV7.at(clock.instant()).toString(), NetworkKinds.CASE_TYPE), NetworkKinds.SHARE,
                List.of(toParty), handling, payload, List.of());
    }

    /** A network shared by the other party becomes a network of this node, marked with its origin. */
    @EventListener
    void onShared(CaseEnvelopesStored batch) {
        batch.envelopes().stream().filter(stored -> stored.incoming() && NetworkKinds.SHARE.equals(stored.kind()))
                .forEach(this::receive);
    }

    private void receive(CaseEnvelopeStored stored) {
        stored.thread().byId(stored.envelopeId()).ifPresent(envelope -> {
            long id = store.insertNetwork(envelope.payload().path("name").asString(), null, envelope.from(),
                    stored.caseId(), clock.instant());
            audit.success(Viewer.node(), "network.create", "network", Long.toString(id));
            // The other party's links pass the rules of an import: a bad one is left out and counted, the rest kept.
            // Failing the envelope instead would refuse it again at every retry and hold up the peer's queue. Each link
            // keeps the stricter of its own handling code and the envelope's, so that a network shared under H2 is
            // not passed on without its provider's consent.
            List<NetworkLink> links = new ArrayList<>();
            List<ImportProblem> problems = new ArrayList<>();
            int position = 0;
            for (JsonNode l : envelope.payload().path("links")) {
                position++;
                String[] cells = LinkCsv.LINK_COLUMNS.stream().map(column -> l.path(column).asString("")).toArray(String[]::new);
                LinkCsv.link(position, cells, LocalDate.now(clock), problems)
                        .map(link -> atLeast(link, envelope.handling().code())).ifPresent(links::add);
            }
            store.insertLinks(id, links);
            if (!problems.isEmpty()) {
                audit.record(Viewer.node(), "network.receive", "network", Long.toString(id), AuditOutcome.FAILURE,
                        problems.stream().map(ImportProblem::line).distinct().count() + " links left out as invalid");
            }
        });
    }

    /** The link under the stricter of its handling code and {@code code} (H3 over H2 over H1 over H0). */
    private static NetworkLink atLeast(NetworkLink link, HandlingCode code) {
        if (HandlingCode.valueOf(link.handlingCode()).compareTo(code) >= 0) {
            return link;
        }
        return new NetworkLink(link.source(), link.sourceKind(), link.target(), link.targetKind(), link.kind(),
                link.weight(), link.observedOn(), link.sourceDocument(), link.grading(), code.name());
    }
}
