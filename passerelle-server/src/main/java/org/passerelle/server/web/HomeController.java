package org.passerelle.server.web;

import java.util.List;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the user's work waiting in each module, this node and its trusted peers. */
@Controller
class HomeController {

    private final PartyDirectory parties;
    private final NodeIdentity identity;
    private final List<HomeSummary> summaries;

    HomeController(PartyDirectory parties, NodeIdentity identity, List<HomeSummary> summaries) {
        this.parties = parties;
        this.identity = identity;
        this.summaries = summaries;
    }

    @GetMapping("/")
    String home(Viewer viewer, Model model) {
        model.addAttribute("peers", parties.peers());
        model.addAttribute("fingerprint", identity.fingerprint());
        model.addAttribute("work", summaries.stream().flatMap(s -> s.lines(viewer).stream()).toList());
        return "home";
    }
}
