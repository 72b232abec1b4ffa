package org.passerelle.server.intel.network;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.intel.CaseTeams;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Criminal networks as the analysts' pages and the API use them: create, import links and call records, team,
 * analysis over a time slice, disruption planning, paths, seizures, and sharing a slice with the other party. Each
 * look and change checks the viewer against the network's team and is audited; the SQL is {@link NetworkStore}'s, the
 * graph work {@link NetworkAnalyses}', what crosses to the other party {@link SharedNetworks}'.
 */
@Service
public class Networks {

    /** What an import kept and refused. */
    public record ImportReport(int imported, List<ImportProblem> problems) {
    }

    /** Teams, like audit entries, name a network by this type and its id. */
    private static final String TEAM = "network";

    private final NetworkStore store;
    private final SharedNetworks sharing;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final CaseTeams teams;
    private final Clock clock;

    Networks(NetworkStore store, SharedNetworks sharing, PartyDirectory parties, AuditTrail audit, CaseTeams teams,
            Clock clock) {
        this.store = store;
        this.sharing = sharing;
        this.parties = parties;
        this.audit = audit;
        this.teams = teams;
        this.clock = clock;
    }

    @CaseTransactional
    public long create(Viewer viewer, String name, String description) {
        requireAnalyst(viewer);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException(List.of(new FieldError("name", "network.error.name")));
        }
        long id = store.insertNetwork(name.strip(), description, parties.self().code(), null, clock.instant());
        audit.success(viewer, "network.create", TEAM, Long.toString(id));
        teams.founded(viewer, TEAM, Long.toString(id));
        return id;
    }

    @CaseTransactional
    public ImportReport importLinks(Viewer viewer, long networkId, Reader csv) throws IOException {
        return keep(viewer, networkId, LinkCsv.links(csv, LocalDate.now(clock)), "network.import.links");
    }

    @CaseTransactional
    public ImportReport importCalls(Viewer viewer, long networkId, Reader csv, String sourceDocument, String grading,
            String handling) throws IOException {
        if (sourceDocument == null || sourceDocument.isBlank() || grading == null || !grading.matches("[ABCX][1-4]")
                || handling == null || !handling.matches("H[0-3]")) {
            throw new InvalidInputException(List.of(new FieldError("document", "network.error.provenance")));
        }
        return keep(viewer, networkId, LinkCsv.calls(csv, sourceDocument.strip(), grading, handling,
                LocalDate.now(clock)),
                "network.import.calls");
    }

    /** Stores links (creating their entities as needed) in a network the viewer works on. */
    @CaseTransactional
    public void addLinks(Viewer viewer, long networkId, List<NetworkLink> links) {
        working(viewer, networkId);
        store.insertLinks(networkId, links);
    }

    /** The networks the viewer may see: their team's, and those shared by the other party no one has taken yet. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> list(Viewer viewer) {
        requireAnalyst(viewer);
        return store.list(teams.visibleCondition(viewer, TEAM, NetworkStore.CASE_KEY), taken());
    }

    /** A network the viewer may see (a refused look is audited). */
    @CaseTransactional
    public Optional<NetworkSummary> summary(Viewer viewer, long networkId) {
        requireAnalyst(viewer);
        return store.find(networkId, taken())
                .filter(n -> teams.allowed(viewer, TEAM, Long.toString(networkId), "network.read"));
    }

    /** How many networks no one on this node has taken yet (shared by the other party): a count, not audited. */
    @Transactional(readOnly = true)
    public long notTaken(Viewer viewer) {
        requireAnalyst(viewer);
        return store.notTaken(teams.visibleCondition(viewer, TEAM, NetworkStore.CASE_KEY), taken());
    }

    /** Who on this node works on the network (empty: shared by the other party and not taken yet). */
    @CaseTransactional
    public List<CaseTeams.Member> team(Viewer viewer, long networkId) {
        visible(viewer, networkId);
        return teams.members(TEAM, Long.toString(networkId));
    }

    /** Puts an analyst of this node on the network's team (or takes an unassigned network: one's own name). */
    @CaseTransactional
    public void addToTeam(Viewer viewer, long networkId, String username) {
        requireAnalyst(viewer);
        store.find(networkId, taken()).orElseThrow(Networks::notFound);
        teams.add(viewer, TEAM, Long.toString(networkId), username, Networks::notFound);
    }

    /** The links observed within the slice, with their provenance. */
    @CaseTransactional
    public List<NetworkLink> links(Viewer viewer, long networkId, NetworkSlice slice) {
        visible(viewer, networkId);
        return store.slice(networkId, slice.from(), slice.to());
    }

    /** Every measure of the slice's graph; reading a network is a read of personal data, so it is audited. */
    @CaseTransactional
    public NetworkView analyse(Viewer viewer, long networkId, NetworkSlice slice, ActorMeasure sortBy,
            Set<String> without) {
        NetworkSummary network = visible(viewer, networkId);
        audit.success(viewer, "network.read", TEAM, Long.toString(networkId));
        return NetworkAnalyses.analyse(network, slice, store.slice(networkId, slice.from(), slice.to()), sortBy, without);
    }

    /** The disruption curve of the slice: actors removed one at a time or as a block, by a strategy. */
    @CaseTransactional
    public List<DisruptionStep> disrupt(Viewer viewer, long networkId, NetworkSlice slice, DisruptionStrategy strategy,
            DisruptionMode mode, int steps) {
        visible(viewer, networkId);
        audit.success(viewer, "network.read", TEAM, Long.toString(networkId));
        return NetworkAnalyses.disrupt(store.slice(networkId, slice.from(), slice.to()), strategy, mode, steps);
    }

    /**
     * Up to {@code k} shortest paths between two actors in the slice, as lists of labels. Not one transaction: a
     * refused look-up is audited on its own, so the refusal that follows cannot roll the entry back.
     */
    public List<List<String>> paths(Viewer viewer, long networkId, NetworkSlice slice, String source, String target,
            int k) {
        visible(viewer, networkId);
        List<NetworkLink> links = store.slice(networkId, slice.from(), slice.to());
        Optional<List<List<String>>> paths = NetworkAnalyses.paths(links, source, target, k);
        if (paths.isEmpty()) {
            // Whether a name is in the network is itself something learnt: the refused look-up is audited too.
            audit.record(viewer, "network.read", TEAM, Long.toString(networkId), AuditOutcome.FAILURE,
                    "actor not in network");
            throw new InvalidInputException(List.of(new FieldError(
                    NetworkAnalyses.has(links, source) ? "target" : "source", "network.error.actor")));
        }
        audit.success(viewer, "network.read", TEAM, Long.toString(networkId));
        return paths.get();
    }

    /**
     * Sends the slice to the other party as one envelope. Links that reached this node from a third party
     * under H2 are left out (their provider did not consent); the count of what was left out is returned.
     */
    @CaseTransactional
    public int share(Viewer viewer, long networkId, String toParty, NetworkSlice slice, Handling handling) {
        NetworkSummary network = working(viewer, networkId);
        if (parties.peer(toParty).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("to", "intel.error.to")));
        }
        boolean received = !network.origin().equals(parties.self().code());
        List<NetworkLink> links = store.slice(networkId, slice.from(), slice.to());
        List<NetworkLink> shareable = links.stream().filter(l -> !(received && !network.origin().equals(toParty)
                && HandlingCode.H2.name().equals(l.handlingCode()))).toList();
        sharing.send(network.name(), shareable, toParty, handling);
        return links.size() - shareable.size();
    }

    /** The most one seizure can weigh, in kilograms: the largest on record are tens of tonnes; more is a typo. */
    public static final double MAX_SEIZURE_KG = 200_000;

    /**
     * Records a seizure: a drug, a quantity within physical bounds, a place, a date as plausible as a link's (from
     * 1950 to today), and actors of this network only (a name that is not in it would draw a node nobody can find).
     * Every field in error is named at once.
     */
    @CaseTransactional
    public long addSeizure(Viewer viewer, long networkId, String drug, double quantityKg, String place,
            LocalDate seizedOn, List<String> actors) {
        List<FieldError> errors = new ArrayList<>();
        if (drug == null || drug.isBlank() || drug.length() > 40) {
            errors.add(new FieldError("drug", "seizure.error.drug"));
        }
        if (!(quantityKg > 0 && quantityKg <= MAX_SEIZURE_KG)) {
            errors.add(new FieldError("quantity", "seizure.error.quantity"));
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            errors.add(new FieldError("place", "seizure.error.place"));
        }
        if (seizedOn == null) {
            errors.add(new FieldError("date", "seizure.error.date"));
        } else if (!LinkCsv.plausible(seizedOn, LocalDate.now(clock))) {
            errors.add(new FieldError("date", "seizure.error.dateRange"));
        }
        working(viewer, networkId);
        List<String> involved = actors == null ? List.of() : actors;
        if (!store.actorsMissing(networkId, involved).isEmpty()) {
            errors.add(new FieldError("actors", "seizure.error.actors"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = store.insertSeizure(networkId, drug.strip(), quantityKg, place.strip(), seizedOn, involved);
        audit.success(viewer, "seizure.create", TEAM, Long.toString(networkId));
        return id;
    }

    /** A network's seizures, with the names of the actors involved: a read of personal data, so it is audited. */
    @CaseTransactional
    public List<Seizure> seizures(Viewer viewer, long networkId) {
        visible(viewer, networkId);
        audit.success(viewer, "seizure.read", TEAM, Long.toString(networkId));
        return store.seizures(networkId);
    }

    /** Supply-reduction figures: kilograms seized per year and drug, over the networks the viewer may see. */
    @Transactional(readOnly = true)
    public Map<Integer, Map<String, Double>> seizedKilogramsByYear(Viewer viewer) {
        requireAnalyst(viewer);
        return store.seizedKilogramsByYear(teams.visibleCondition(viewer, TEAM, NetworkStore.CASE_KEY));
    }

    private CaseTeams.Condition taken() {
        return teams.takenCondition(TEAM, NetworkStore.CASE_KEY);
    }

    /** The network if the viewer may see it, else the answer for a network that does not exist. */
    private NetworkSummary visible(Viewer viewer, long networkId) {
        return summary(viewer, networkId).orElseThrow(Networks::notFound);
    }

    /** As {@link #visible}, before changing the network: a viewer working on an unassigned network takes it. */
    private NetworkSummary working(Viewer viewer, long networkId) {
        requireAnalyst(viewer);
        NetworkSummary network = store.find(networkId, taken()).orElseThrow(Networks::notFound);
        teams.working(viewer, TEAM, Long.toString(networkId), "network.change", Networks::notFound);
        return network;
    }

    private ImportReport keep(Viewer viewer, long networkId, LinkCsv.Result result, String action) {
        working(viewer, networkId);
        store.insertLinks(networkId, result.links());
        audit.record(viewer, action, TEAM, Long.toString(networkId), AuditOutcome.SUCCESS,
                result.links().size() + " links, " + result.problems().size() + " rows refused");
        return new ImportReport(result.links().size(), result.problems());
    }

    /** Networks are the analysts' (or the node's own work): checked here too, not only at the door. */
    private static void requireAnalyst(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.ANALYST)) {
            throw new AccessDeniedException("Networks are for analysts");
        }
    }

    /** The answer for a network that does not exist, or that the viewer is not on the team of: the same. */
    private static CaseNotFoundException notFound() {
        return new CaseNotFoundException(TEAM, "");
    }
}
