package org.passerelle.server.intel.network.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.server.intel.CaseTeams;
import org.passerelle.server.intel.network.NetworkSummary;
import org.passerelle.server.intel.network.NetworkView;
import org.passerelle.server.intel.network.ActorMeasure;
import org.passerelle.server.intel.network.NetworkSlice;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.intel.network.Seizure;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Criminal networks over the API, with the same rules as the pages (analysts only; reads audited). */
@RestController
@RequestMapping("/api/v1/networks")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "networks")
@SecurityRequirement(name = "token")
class NetworkApi {

    private final Networks networks;

    NetworkApi(Networks networks) {
        this.networks = networks;
    }

    record NewNetwork(String name, String description) {
    }

    record Created(long id) {
    }

    record NewSeizure(String drug, double quantityKg, String place, LocalDate seizedOn, List<String> actors) {
    }

    record Share(String to, String handlingCode, LocalDate from, LocalDate until) {
    }

    record Shared(int withheldLinks) {
    }

    record Colleague(String username) {
    }

    @Operation(summary = "Who on this node works on the network (empty: shared by the other party, not taken yet)")
    @GetMapping("/{id}/team")
    List<CaseTeams.Member> team(Viewer viewer, @PathVariable long id) {
        return networks.team(viewer, id);
    }

    @Operation(summary = "Take an unassigned network (your own username) or add a colleague to its team (members)")
    @PostMapping("/{id}/team")
    void addToTeam(Viewer viewer, @PathVariable long id, @RequestBody Colleague colleague) {
        networks.addToTeam(viewer, id, colleague.username());
    }

    @Operation(summary = "The networks of this node the caller may see: their team's and those not taken yet")
    @GetMapping
    List<NetworkSummary> list(Viewer viewer) {
        return networks.list(viewer);
    }

    @Operation(summary = "Create an empty network")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(Viewer viewer, @RequestBody NewNetwork network) {
        return new Created(networks.create(viewer, network.name(), network.description()));
    }

    @Operation(summary = "Import links (text/csv body: source,source_kind,target,target_kind,kind,weight,date,"
            + "source_document,grading,handling); refused rows are returned with line and column")
    @PostMapping(path = "/{id}/links", consumes = "text/csv")
    Networks.ImportReport importLinks(Viewer viewer, @PathVariable long id, @RequestBody String csv)
            throws IOException {
        return networks.importLinks(viewer, id, new StringReader(csv));
    }

    @Operation(summary = "Import call records (text/csv body: caller,callee,start,duration) with their provenance")
    @PostMapping(path = "/{id}/calls", consumes = "text/csv")
    Networks.ImportReport importCalls(Viewer viewer, @PathVariable long id, @RequestBody String csv,
            @RequestParam String sourceDocument, @RequestParam String grading, @RequestParam String handling)
            throws IOException {
        return networks.importCalls(viewer, id, new StringReader(csv), sourceDocument, grading, handling);
    }

    @Operation(summary = "Every measure of a time slice; 'without' leaves actors out (the network after arrests)")
    @GetMapping("/{id}/analysis")
    NetworkView analysis(Viewer viewer, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "betweenness") String sort,
            @RequestParam(required = false) List<String> without) {
        return networks.analyse(viewer, id, new NetworkSlice(from, to), ActorMeasure.of(sort),
                without == null ? java.util.Set.of() : new LinkedHashSet<>(without));
    }

    @Operation(summary = "Disruption curve: step, removed, largest component, its ratio to the start, fragmentation")
    @GetMapping("/{id}/disruption")
    List<DisruptionStep> disruption(Viewer viewer, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "betweenness") String strategy,
            @RequestParam(defaultValue = "sequential") String mode, @RequestParam(defaultValue = "10") int steps) {
        try {
            return networks.disrupt(viewer, id, new NetworkSlice(from, to), DisruptionStrategy.fromCliName(strategy),
                    "block".equals(mode) ? DisruptionMode.BLOCK : DisruptionMode.SEQUENTIAL, steps);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @Operation(summary = "Up to k shortest paths between two actors")
    @GetMapping("/{id}/paths")
    Map<String, List<List<String>>> paths(Viewer viewer, @PathVariable long id, @RequestParam String source,
            @RequestParam String target,
            @RequestParam(defaultValue = "3") int k,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Map.of("paths", networks.paths(viewer, id, new NetworkSlice(from, to), source, target, k));
    }

    @Operation(summary = "The network's seizures")
    @GetMapping("/{id}/seizures")
    List<Seizure> seizures(Viewer viewer, @PathVariable long id) {
        return networks.seizures(viewer, id);
    }

    @Operation(summary = "Record a seizure")
    @PostMapping("/{id}/seizures")
    @ResponseStatus(HttpStatus.CREATED)
    Created addSeizure(Viewer viewer, @PathVariable long id, @RequestBody NewSeizure seizure) {
        return new Created(networks.addSeizure(viewer, id, seizure.drug(), seizure.quantityKg(), seizure.place(),
                seizure.seizedOn(), seizure.actors() == null ? List.of() : seizure.actors()));
    }

    @Operation(summary = "Kilograms seized by year and drug, over the networks the caller may see")
    @GetMapping("/seizures/by-year")
    Map<Integer, Map<String, Double>> seizedByYear(Viewer viewer) {
        return networks.seizedKilogramsByYear(viewer);
    }

    @Operation(summary = "Share a slice with the other party as a signed envelope")
    @PostMapping("/{id}/share")
    Shared share(Viewer viewer, @PathVariable long id, @RequestBody Share share) {
        HandlingCode code;
        try {
            code = HandlingCode.valueOf(share.handlingCode() == null ? "H2" : share.handlingCode());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "handlingCode is H0, H1 or H2");
        }
        return new Shared(networks.share(viewer, id, share.to(), new NetworkSlice(share.from(), share.until()),
                new Handling(code, 'B', 2, null)));
    }
}
