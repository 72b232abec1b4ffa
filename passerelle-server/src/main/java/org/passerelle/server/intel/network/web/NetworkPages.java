package org.passerelle.server.intel.network.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.intel.network.NetworkView;
import org.passerelle.server.intel.network.ActorMeasure;
import org.passerelle.server.intel.network.NetworkSlice;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.web.Charts;
import org.passerelle.server.web.FormErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The analysts' network pages: list, analysis of a time slice, disruption planner, paths, imports, seizures, sharing. */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class NetworkPages {

    private final Networks networks;
    private final PartyDirectory parties;
    private final Messages messages;
    private final JsonMapper json;

    NetworkPages(Networks networks, PartyDirectory parties, Messages messages, JsonMapper json) {
        this.json = json;
        this.networks = networks;
        this.parties = parties;
        this.messages = messages;
    }

    /** The time slice as every network page carries it in its address. */
    private static String query(NetworkSlice slice) {
        return "from=" + (slice.from() == null ? "" : slice.from()) + "&to=" + (slice.to() == null ? "" : slice.to());
    }

    @GetMapping("/intel/networks")
    String list(Viewer viewer, Model model) {
        return listView(viewer, model, List.of());
    }

    @PostMapping("/intel/networks")
    String create(Viewer viewer, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, Model model) {
        try {
            return "redirect:/intel/networks/" + networks.create(viewer, name, description);
        } catch (InvalidInputException e) {
            return listView(viewer, model, FormErrors.of(e));
        }
    }

    @GetMapping("/intel/networks/{id}")
    String analysis(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "betweenness") String sort,
            @RequestParam(required = false) List<String> without, Model model) {
        NetworkSlice slice = slice(from, to);
        Set<String> removed = removed(without);
        NetworkView view = networks.analyse(viewer, id, slice, ActorMeasure.of(sort), removed);
        model.addAttribute("view", view);
        // In the page itself, so that one view computes the analysis once.
        model.addAttribute("drawing", json.writeValueAsString(view.drawing()));
        model.addAttribute("slice", query(slice));
        model.addAttribute("without", String.join("|", removed));
        model.addAttribute("seizures", networks.seizures(viewer, id));
        model.addAttribute("team", networks.team(viewer, id));
        model.addAttribute("peers", parties.peers());
        model.addAttribute("strategies", List.of(DisruptionStrategy.values()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("seizureForm")) {
            model.addAttribute("seizureForm", SeizureForm.EMPTY);
        }
        if (!model.containsAttribute("importReport")) {
            model.addAttribute("importReport", null);
        }
        model.addAttribute("paths", List.of());
        return "intel/network";
    }

    @GetMapping("/intel/networks/{id}/disruption")
    String disruption(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "betweenness") String strategy,
            @RequestParam(defaultValue = "sequential") String mode, @RequestParam(defaultValue = "10") int steps,
            Model model) {
        NetworkSlice slice = slice(from, to);
        DisruptionStrategy chosen;
        try {
            chosen = DisruptionStrategy.fromCliName(strategy);
        } catch (IllegalArgumentException e) {
            // Only a hand-made address names a strategy the page does not offer: answered as the API does.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        DisruptionMode chosenMode = "block".equals(mode) ? DisruptionMode.BLOCK : DisruptionMode.SEQUENTIAL;
        List<DisruptionStep> curve = networks.disrupt(viewer, id, slice, chosen, chosenMode, steps);
        model.addAttribute("network", networks.summary(viewer, id).orElseThrow());
        model.addAttribute("curve", curve);
        model.addAttribute("strategy", chosen.cliName());
        model.addAttribute("mode", chosenMode == DisruptionMode.BLOCK ? "block" : "sequential");
        model.addAttribute("steps", steps);
        model.addAttribute("strategies", List.of(DisruptionStrategy.values()));
        model.addAttribute("slice", query(slice));
        model.addAttribute("from", slice.from() == null ? "" : slice.from().toString());
        model.addAttribute("to", slice.to() == null ? "" : slice.to().toString());
        model.addAttribute("chart", Charts.ratioLines(text("disruption.chartTitle", chosen.cliName()),
                curve.stream().map(s -> Integer.toString(s.step())).toList(),
                List.of(new Charts.Series(text("disruption.lccRatio"), curve.stream().map(DisruptionStep::lccRatio).toList()),
                        new Charts.Series(text("disruption.fragmentation"),
                                curve.stream().map(DisruptionStep::fragmentation).toList()))));
        return "intel/network-disruption";
    }

    @GetMapping("/intel/networks/{id}/paths")
    String paths(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String target, Model model) {
        NetworkSlice slice = slice(from, to);
        List<List<String>> paths;
        try {
            paths = networks.paths(viewer, id, slice, source.strip(), target.strip(), 3);
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            paths = List.of();
            model.addAttribute("errors", FormErrors.of(e));
        }
        analysis(viewer, id, from, to, ActorMeasure.BETWEENNESS.key(), List.of(), model);
        model.addAttribute("paths", paths);
        return "intel/network";
    }

    @PostMapping("/intel/networks/{id}/import")
    String importFile(Viewer viewer, @PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "links") String format, @RequestParam(defaultValue = "") String document,
            @RequestParam(defaultValue = "X4") String grading, @RequestParam(defaultValue = "H0") String handling,
            RedirectAttributes redirect) throws IOException {
        try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            Networks.ImportReport report = "calls".equals(format)
                    ? networks.importCalls(viewer, id, reader, document, grading, handling)
                    : networks.importLinks(viewer, id, reader);
            redirect.addFlashAttribute("importReport", report);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e));
        }
        return "redirect:/intel/networks/" + id;
    }

    @PostMapping("/intel/networks/{id}/seizures")
    String addSeizure(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String drug,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String actors,
            RedirectAttributes redirect) {
        double kg = parseQuantity(quantity);
        LocalDate day = parseDate(date);
        try {
            List<String> linked = Arrays.stream(actors.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            networks.addSeizure(viewer, id, drug, kg, place, day, linked);
        } catch (InvalidInputException e) {
            // A date that could not be read is said to be unreadable, not missing.
            boolean unreadableDate = day == null && !date.isBlank();
            redirect.addFlashAttribute("errors", FormErrors.of(e).stream()
                    .map(error -> unreadableDate && error.field().equals("date")
                            ? new FormErrors.Error("date", "seizure.error.dateFormat") : error).toList());
            redirect.addFlashAttribute("seizureForm", new SeizureForm(drug, quantity, place, date, actors));
        }
        return "redirect:/intel/networks/" + id;
    }

    /** Kilograms as typed, a decimal comma allowed; NaN when it is not a number, which the service refuses. */
    private static double parseQuantity(String quantity) {
        try {
            return quantity.isBlank() ? Double.NaN : Double.parseDouble(quantity.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            return date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @PostMapping("/intel/networks/{id}/share")
    String share(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String to,
            @RequestParam(required = false) String from, @RequestParam(name = "until", required = false) String until,
            @RequestParam(defaultValue = "H2") String handling, RedirectAttributes redirect) {
        NetworkSlice slice = slice(from, until);
        try {
            int withheld = networks.share(viewer, id, to, slice,
                    new Handling(HandlingCode.valueOf(handling), 'B', 2, null));
            redirect.addFlashAttribute("shared", withheld);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e));
        }
        return "redirect:/intel/networks/" + id;
    }

    /** Takes an unassigned network (one's own name) or adds a colleague to its team. */
    @PostMapping("/intel/networks/{id}/team")
    String addToTeam(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String username,
            RedirectAttributes redirect) {
        try {
            networks.addToTeam(viewer, id, username);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e));
        }
        return "redirect:/intel/networks/" + id;
    }

    private String listView(Viewer viewer, Model model, List<FormErrors.Error> errors) {
        model.addAttribute("networks", networks.list(viewer));
        model.addAttribute("errors", errors);
        Map<Integer, Map<String, Double>> figures = networks.seizedKilogramsByYear(viewer);
        List<String> years = figures.keySet().stream().map(String::valueOf).toList();
        List<Double> totals = figures.values().stream().map(m -> m.values().stream().mapToDouble(Double::doubleValue).sum())
                .toList();
        model.addAttribute("figures", figures);
        model.addAttribute("chart", figures.isEmpty() ? null : Charts.bars(text("seizure.chartTitle"), years, totals));
        return "intel/networks";
    }

    /** Actors planned for removal: each value may hold a whole block, separated by {@code |}. */
    private static Set<String> removed(List<String> without) {
        Set<String> removed = new LinkedHashSet<>();
        if (without != null) {
            without.forEach(value -> Arrays.stream(value.split("\\|")).map(String::strip).filter(v -> !v.isEmpty())
                    .forEach(removed::add));
        }
        return removed;
    }

    private String text(String key, Object... arguments) {
        return messages.get(Language.of(LocaleContextHolder.getLocale()), key, arguments);
    }

    private static NetworkSlice slice(String from, String to) {
        return new NetworkSlice(date(from), date(to));
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
