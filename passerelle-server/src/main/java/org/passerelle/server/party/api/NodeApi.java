package org.passerelle.server.party.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which node this is: its party, its public key and the peers it trusts. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "node")
@SecurityRequirement(name = "token")
class NodeApi {

    private final PartyDirectory parties;
    private final NodeIdentity identity;

    NodeApi(PartyDirectory parties, NodeIdentity identity) {
        this.parties = parties;
        this.identity = identity;
    }

    record PeerView(String party, String baseUrl, String fingerprint) {
    }

    record NodeView(String party, String publicKey, String fingerprint, List<PeerView> peers) {
    }

    @Operation(summary = "This node's party, public key and trusted peers")
    @GetMapping("/node")
    NodeView node() {
        return new NodeView(parties.self().code(), identity.exportedPublicKey(), identity.fingerprint(),
                parties.peers().stream().map(p -> new PeerView(p.party().code(), p.baseUrl().toString(), p.fingerprint()))
                        .toList());
    }
}
