package org.passerelle.server.intel.network;

import java.io.IOException;
import java.io.Reader;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.graph.Entity;
import org.passerelle.graph.EntityKind;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.Link;
import org.passerelle.graph.disruption.Disruption;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.graph.path.KShortestPaths;
import org.passerelle.graph.report.NetworkAnalysis;
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
import org.passerelle.server.intel.CaseNotFoundException;
import org.passerelle.server.intel.CaseTeams;
import org.passerelle.server.intel.CaseTransactional;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.security.InvalidInputException;
import org.passerelle.server.security.InvalidInputException.FieldError;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Criminal networks: entities and links with provenance, imports, analysis over a time slice (the
 * passerelle-graph engine), disruption planning, paths, seizures, and sharing a sub-network with the other party.
 */
@Service
public class Networks {

    /** What an import kept and refused. */
    public record ImportReport(int imported, List<ImportProblem> problems) {
    }

    private final JdbcClient jdbc;
    private final Exchange exchange;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final CaseTeams teams;
    private final Clock clock;
    /** The query of {@link NetworkSummary}, to which callers add their conditions. */
    private final String summaryQuery;

    public Networks(JdbcClient jdbc, Exchange exchange, PartyDirectory parties, AuditTrail audit, CaseTeams teams,
            Clock clock) {
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.parties = parties;
        this.audit = audit;
        this.teams = teams;
        this.clock = clock;
        this.summaryQuery = """
                SELECT n.id, n.name, n.description, n.origin,
                    (SELECT COUNT(*) FROM intel_entity e WHERE e.network_id = n.id) AS entities,
                    (SELECT COUNT(*) FROM intel_link l WHERE l.network_id = n.id) AS links,
                    (SELECT MIN(observed_on) FROM intel_link l WHERE l.network_id = n.id) AS first_link,
                    (SELECT MAX(observed_on) FROM intel_link l WHERE l.network_id = n.id) AS last_link,
                    CASE WHEN %s THEN 1 ELSE 0 END AS taken
                FROM intel_network n""".formatted(teams.takenCondition(TEAM, TEAM_KEY));
    }

    @CaseTransactional
    public long create(String name, String description) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException(List.of(new FieldError("name", "network.error.name")));
        }
        long id = insertNetwork(name.strip(), description, parties.self().code(), null);
        teams.founded(TEAM, Long.toString(id));
        return id;
    }

    @CaseTransactional
    public ImportReport importLinks(long networkId, Reader csv) throws IOException {
        return keep(networkId, LinkCsv.links(csv), "network.import.links");
    }

    @CaseTransactional
    public ImportReport importCalls(long networkId, Reader csv, String sourceDocument, String grading, String handling)
            throws IOException {
        if (sourceDocument == null || sourceDocument.isBlank() || grading == null || !grading.matches("[ABCX][1-4]")
                || handling == null || !handling.matches("H[0-3]")) {
            throw new InvalidInputException(List.of(new FieldError("document", "network.error.provenance")));
        }
        return keep(networkId, LinkCsv.calls(csv, sourceDocument.strip(), grading, handling), "network.import.calls");
    }

    /** Stores links (creating their entities as needed) in a network the user works on. */
    @CaseTransactional
    public void addLinks(long networkId, List<NetworkLink> links) {
        working(networkId);
        storeLinks(networkId, links);
    }

    private void storeLinks(long networkId, List<NetworkLink> links) {
        Map<String, Long> entities = entityIds(networkId);
        for (NetworkLink link : links) {
            long source = entities.computeIfAbsent(link.source(), label -> insertEntity(networkId, label, link.sourceKind()));
            long target = entities.computeIfAbsent(link.target(), label -> insertEntity(networkId, label, link.targetKind()));
            jdbc.sql("""
                    INSERT INTO intel_link (network_id, source_entity, target_entity, kind, weight, observed_on,
                        source_document, grading, handling_code)
                    VALUES (:n, :s, :t, :kind, :w, :d, :doc, :g, :h)
                    """).param("n", networkId).param("s", source).param("t", target).param("kind", link.kind())
                    .param("w", link.weight()).param("d", Date.valueOf(link.observedOn()))
                    .param("doc", link.sourceDocument()).param("g", link.grading()).param("h", link.handlingCode())
                    .update();
        }
    }

    /** The networks the user may see: their team's, and those shared by the other party that no one has taken yet. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> list() {
        return jdbc.sql(summaryQuery + " WHERE " + teams.visibleCondition(TEAM, TEAM_KEY) + " ORDER BY n.id")
                .param("viewer", teams.viewer()).query(Networks::summaryOf).list();
    }

    /** A network the user may see (a refused look is audited). */
    @CaseTransactional
    public Optional<NetworkSummary> summary(long networkId) {
        return find(networkId).filter(n -> teams.allowed(TEAM, Long.toString(networkId), "network.read"));
    }

    /** How many networks no one on this node has taken yet (shared by the other party): a count, not audited. */
    @CaseTransactional
    public long notTaken() {
        return jdbc.sql("SELECT COUNT(*) FROM intel_network n WHERE NOT " + teams.takenCondition(TEAM, TEAM_KEY))
                .query(Long.class).single();
    }

    /** Who on this node works on the network (empty: shared by the other party and not taken yet). */
    @CaseTransactional
    public List<CaseTeams.Member> team(long networkId) {
        visible(networkId);
        return teams.members(TEAM, Long.toString(networkId));
    }

    /** Puts an analyst of this node on the network's team (or takes an unassigned network: one's own name). */
    @CaseTransactional
    public void addToTeam(long networkId, String username) {
        find(networkId).orElseThrow(Networks::notFound);
        teams.add(TEAM, Long.toString(networkId), username, Networks::notFound);
    }

    private Optional<NetworkSummary> find(long networkId) {
        return jdbc.sql(summaryQuery + " WHERE n.id = :id").param("id", networkId).query(Networks::summaryOf)
                .optional();
    }

    /** The network if the user may see it, else the answer for a network that does not exist. */
    private NetworkSummary visible(long networkId) {
        return summary(networkId).orElseThrow(Networks::notFound);
    }

    /** As {@link #visible}, before changing the network: a user working on an unassigned network takes it. */
    private NetworkSummary working(long networkId) {
        NetworkSummary network = find(networkId).orElseThrow(Networks::notFound);
        teams.working(TEAM, Long.toString(networkId), "network.change", Networks::notFound);
        return network;
    }

    /** Teams, like audit entries, name a network by this type and its id. */
    private static final String TEAM = "network";

    /** A network's team key, from the row {@code n} of {@code intel_network}. */
    private static final String TEAM_KEY = "CAST(n.id AS VARCHAR(20))";

    private static NetworkSummary summaryOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new NetworkSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("origin"), rs.getLong("entities"), rs.getLong("links"), localDate(rs.getDate("first_link")),
                localDate(rs.getDate("last_link")), rs.getInt("taken") == 1);
    }

    /** The links observed within the slice (either bound may be null), with their provenance. */
    @CaseTransactional
    public List<NetworkLink> links(long networkId, LocalDate from, LocalDate to) {
        visible(networkId);
        return slice(networkId, from, to);
    }

    private List<NetworkLink> slice(long networkId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.label AS source, s.kind AS source_kind, t.label AS target, t.kind AS target_kind, l.kind,
                    l.weight, l.observed_on, l.source_document, l.grading, l.handling_code
                FROM intel_link l JOIN intel_entity s ON s.id = l.source_entity JOIN intel_entity t ON t.id = l.target_entity
                WHERE l.network_id = :n AND l.observed_on >= :from AND l.observed_on <= :to ORDER BY l.id
                """).param("n", networkId).param("from", Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from))
                .param("to", Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to))
                .query((rs, i) -> new NetworkLink(rs.getString("source"), rs.getString("source_kind"),
                        rs.getString("target"), rs.getString("target_kind"), rs.getString("kind"), rs.getDouble("weight"),
                        rs.getDate("observed_on").toLocalDate(), rs.getString("source_document"), rs.getString("grading"),
                        rs.getString("handling_code"))).list();
    }

    /** Every measure of the slice's graph; reading a network is a read of personal data, so it is audited. */
    @CaseTransactional
    public NetworkView analyse(long networkId, LocalDate from, LocalDate to, String sortBy, Set<String> without) {
        NetworkSummary network = visible(networkId);
        audit.success("network.read", "network", Long.toString(networkId));
        Graph graph = graph(networkId, from, to, without);
        NetworkAnalysis analysis = NetworkAnalysis.of(graph);
        List<Actor> actors = new ArrayList<>();
        for (int v = 0; v < graph.nodeCount(); v++) {
            actors.add(new Actor(graph.label(v), graph.kind(v).name(), analysis.degree()[v], analysis.betweenness()[v],
                    analysis.closeness()[v], analysis.pagerank() == null ? 0 : analysis.pagerank()[v],
                    analysis.coreNumber()[v], analysis.communities().communityOf(v), analysis.cuts().isArticulationPoint(v)));
        }
        String measure = List.of("degree", "betweenness", "closeness", "pagerank").contains(sortBy) ? sortBy : "betweenness";
        // Stable sort: equal scores keep the order of first appearance, as the engine's rankings do.
        actors.sort(Comparator.comparingDouble((Actor a) -> a.measure(measure)).reversed());
        List<NetworkView.Edge> edges = new ArrayList<>();
        Graph undirected = graph.undirected();
        for (int u = 0; u < undirected.nodeCount(); u++) {
            for (int arc = undirected.outStart(u); arc < undirected.outEnd(u); arc++) {
                if (u < undirected.target(arc)) {
                    edges.add(new NetworkView.Edge(undirected.label(u), undirected.label(undirected.target(arc))));
                }
            }
        }
        return new NetworkView(network, from, to, without, graph.nodeCount(), graph.edgeCount(), analysis.components().count(),
                analysis.components().largestSize(), analysis.communities().count(), analysis.modularity(), measure,
                actors, edges);
    }

    /** The disruption curve of the slice: actors removed one at a time or as a block, by a strategy. */
    @CaseTransactional
    public List<DisruptionStep> disrupt(long networkId, LocalDate from, LocalDate to, DisruptionStrategy strategy,
            DisruptionMode mode, int steps) {
        visible(networkId);
        audit.success("network.read", "network", Long.toString(networkId));
        return Disruption.simulate(graph(networkId, from, to, Set.of()), strategy, mode, Math.max(0, Math.min(steps, 50)));
    }

    /**
     * Up to {@code k} shortest paths between two actors in the slice, as lists of labels. Not one transaction: a
     * refused look-up is audited on its own, so the refusal that follows cannot roll the entry back.
     */
    public List<List<String>> paths(long networkId, LocalDate from, LocalDate to, String source, String target, int k) {
        visible(networkId);
        Graph graph = graph(networkId, from, to, Set.of());
        if (graph.indexOf(source) < 0 || graph.indexOf(target) < 0) {
            // Whether a name is in the network is itself something learnt: the refused look-up is audited too.
            audit.record("network.read", "network", Long.toString(networkId), AuditOutcome.FAILURE, "actor not in network");
            throw new InvalidInputException(List.of(new FieldError(graph.indexOf(source) < 0 ? "source" : "target",
                    "network.error.actor")));
        }
        audit.success("network.read", "network", Long.toString(networkId));
        return KShortestPaths.between(graph, source, target, Math.max(1, Math.min(k, 5))).stream()
                .map(p -> p.labels(graph)).toList();
    }

    /**
     * Sends the slice to the other party as one envelope. Links that reached this node from a third party
     * under H2 are left out (their provider did not consent); the count of what was left out is returned.
     */
    @CaseTransactional
    public int share(long networkId, String toParty, LocalDate from, LocalDate to, Handling handling) {
        NetworkSummary network = working(networkId);
        if (parties.peer(toParty).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("to", "intel.error.to")));
        }
        boolean received = !network.origin().equals(parties.self().code());
        List<NetworkLink> links = slice(networkId, from, to);
        List<NetworkLink> shareable = links.stream().filter(l -> !(received && !network.origin().equals(toParty)
                && HandlingCode.H2.name().equals(l.handlingCode()))).toList();
        ArrayNode array = EnvelopeJson.object().putArray("links");
        for (NetworkLink l : shareable) {
            array.addObject().put("source", l.source()).put("source_kind", l.sourceKind()).put("target", l.target())
                    .put("target_kind", l.targetKind()).put("kind", l.kind()).put("weight", l.weight())
                    .put("date", l.observedOn().toString()).put("source_document", l.sourceDocument())
                    .put("grading", l.grading()).put("handling", l.handlingCode());
        }
        ObjectNode payload = EnvelopeJson.object().put("name", network.name());
        payload.set("links", array);
        exchange.send(new CaseRef(UuidV7.at(clock.instant()).toString(), NetworkKinds.CASE_TYPE), NetworkKinds.SHARE,
                List.of(toParty), handling, payload, List.of());
        return links.size() - shareable.size();
    }

    /** A network shared by the other party becomes a network of this node, marked with its origin. */
    @EventListener
    void onShared(CaseEnvelopesStored batch) {
        batch.envelopes().stream().filter(stored -> stored.incoming() && NetworkKinds.SHARE.equals(stored.kind()))
                .forEach(this::receiveShared);
    }

    private void receiveShared(CaseEnvelopeStored stored) {
        stored.thread().byId(stored.envelopeId()).ifPresent(envelope -> {
            long id = insertNetwork(envelope.payload().path("name").asString(), null, envelope.from(), stored.caseId());
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
                LinkCsv.link(position, cells, problems)
                        .map(link -> atLeast(link, envelope.handling().code())).ifPresent(links::add);
            }
            storeLinks(id, links);
            if (!problems.isEmpty()) {
                audit.record("network.receive", "network", Long.toString(id), AuditOutcome.FAILURE,
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

    @CaseTransactional
    public long addSeizure(long networkId, String drug, double quantityKg, String place, LocalDate seizedOn,
            List<String> actors) {
        List<FieldError> errors = new ArrayList<>();
        if (drug == null || drug.isBlank() || drug.length() > 40) {
            errors.add(new FieldError("drug", "seizure.error.drug"));
        }
        if (!(quantityKg > 0) || !Double.isFinite(quantityKg)) {
            errors.add(new FieldError("quantity", "seizure.error.quantity"));
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            errors.add(new FieldError("place", "seizure.error.place"));
        }
        if (seizedOn == null) {
            errors.add(new FieldError("date", "seizure.error.date"));
        }
        working(networkId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO intel_seizure (network_id, drug, quantity_kg, place, seized_on, actors)
                VALUES (:n, :drug, :q, :place, :d, :actors)
                """).param("n", networkId).param("drug", drug.strip()).param("q", quantityKg).param("place", place.strip())
                .param("d", Date.valueOf(seizedOn)).param("actors", String.join("|", actors)).update(key, "id");
        audit.success("seizure.create", "network", Long.toString(networkId));
        return key.getKey().longValue();
    }

    /** A network's seizures, with the names of the actors involved: a read of personal data, so it is audited. */
    @CaseTransactional
    public List<Seizure> seizures(long networkId) {
        visible(networkId);
        audit.success("seizure.read", "network", Long.toString(networkId));
        return jdbc.sql("SELECT * FROM intel_seizure WHERE network_id = :n ORDER BY seized_on DESC, id DESC")
                .param("n", networkId).query((rs, i) -> new Seizure(rs.getLong("id"), rs.getLong("network_id"),
                        rs.getString("drug"), rs.getDouble("quantity_kg"), rs.getString("place"),
                        rs.getDate("seized_on").toLocalDate(),
                        rs.getString("actors") == null || rs.getString("actors").isEmpty() ? List.of()
                                : List.of(rs.getString("actors").split("\\|")))).list();
    }

    /** Supply-reduction figures: kilograms seized per year and drug, over the networks the user may see. */
    @Transactional(readOnly = true)
    public Map<Integer, Map<String, Double>> seizedKilogramsByYear() {
        Map<Integer, Map<String, Double>> figures = new LinkedHashMap<>();
        jdbc.sql("SELECT s.seized_on, s.drug, s.quantity_kg FROM intel_seizure s JOIN intel_network n ON n.id = s.network_id"
                + " WHERE " + teams.visibleCondition(TEAM, TEAM_KEY) + " ORDER BY s.seized_on")
                .param("viewer", teams.viewer()).query(rs -> {
            figures.computeIfAbsent(rs.getDate("seized_on").toLocalDate().getYear(), y -> new LinkedHashMap<>())
                    .merge(rs.getString("drug"), rs.getDouble("quantity_kg"), Double::sum);
        });
        return figures;
    }

    /**
     * The slice as the engine's graph, undirected and unweighted as the analysis contract states, without the
     * actors in {@code without} (the network after planned arrests). Actors left with no link stay, isolated.
     */
    Graph graph(long networkId, LocalDate from, LocalDate to, Set<String> without) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        List<Link> edges = new ArrayList<>();
        for (NetworkLink l : slice(networkId, from, to)) {
            if (!without.contains(l.source())) {
                entities.putIfAbsent(l.source(), new Entity(l.source(), EntityKind.valueOf(l.sourceKind())));
            }
            if (!without.contains(l.target())) {
                entities.putIfAbsent(l.target(), new Entity(l.target(), EntityKind.valueOf(l.targetKind())));
            }
            if (!without.contains(l.source()) && !without.contains(l.target())) {
                edges.add(new Link(l.source(), l.target(), l.weight()));
            }
        }
        return GraphBuilder.of(false, false, List.copyOf(entities.values()), edges);
    }

    private ImportReport keep(long networkId, LinkCsv.Result result, String action) {
        working(networkId);
        storeLinks(networkId, result.links());
        audit.record(action, "network", Long.toString(networkId), AuditOutcome.SUCCESS,
                result.links().size() + " links, " + result.problems().size() + " rows refused");
        return new ImportReport(result.links().size(), result.problems());
    }

    private long insertNetwork(String name, String description, String origin, String sharedCase) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO intel_network (name, description, origin, shared_case, created_at)
                VALUES (:name, :description, :origin, :case, :now)
                """).param("name", name).param("description", description).param("origin", origin)
                .param("case", sharedCase).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.success("network.create", "network", Long.toString(id));
        return id;
    }

    private Map<String, Long> entityIds(long networkId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, label FROM intel_entity WHERE network_id = :n").param("n", networkId)
                .query(rs -> {
                    ids.put(rs.getString("label"), rs.getLong("id"));
                });
        return ids;
    }

    private long insertEntity(long networkId, String label, String kind) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO intel_entity (network_id, label, kind) VALUES (:n, :label, :kind)")
                .param("n", networkId).param("label", label).param("kind", kind).update(key, "id");
        return key.getKey().longValue();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** The answer for a network that does not exist, or that the user is not on the team of: the same. */
    private static CaseNotFoundException notFound() {
        return new CaseNotFoundException(TEAM, "");
    }
}
