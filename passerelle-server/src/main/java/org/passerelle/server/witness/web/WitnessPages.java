package org.passerelle.server.witness.web;

import org.passerelle.server.audit.AuditCheckpoints;
import org.passerelle.server.witness.Witnesses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditor's page of witnesses: the node's newest signed head, and what each peer last acknowledged keeping. */
@Controller
class WitnessPages {

    private final Witnesses witnesses;
    private final AuditCheckpoints checkpoints;

    WitnessPages(Witnesses witnesses, AuditCheckpoints checkpoints) {
        this.witnesses = witnesses;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/audit/witnesses")
    String witnesses(Model model) {
        model.addAttribute("latest", checkpoints.latest().orElse(null));
        model.addAttribute("witnesses", witnesses.lastWitnessed());
        return "audit/witnesses";
    }
}
