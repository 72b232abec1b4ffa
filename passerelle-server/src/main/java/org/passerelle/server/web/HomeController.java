package org.passerelle.server.web;

import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: this node, its trusted peers and what the user can do here. */
@Controller
class HomeController {

    private final PartyDirectory parties;
    private final NodeIdentity identity;

    HomeController(PartyDirectory parties, NodeIdentity identity) {
        this.parties = parties;
        this.identity = identity;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("peers", parties.peers());
        model.addAttribute("fingerprint", identity.fingerprint());
        return "home";
    }
}
