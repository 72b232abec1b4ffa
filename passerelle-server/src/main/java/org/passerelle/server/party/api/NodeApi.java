package org.passerelle.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.security.UserAccount;
import org.passerelle.server.security.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and which node is this. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "node")
@SecurityRequirement(name = "token")
class NodeApi {

    private final PartyDirectory parties;
    private final NodeIdentity identity;
    private final UserService users;

    NodeApi(PartyDirectory parties, NodeIdentity identity, UserService users) {
        this.parties = parties;
        this.identity = identity;
        this.users = users;
    }

    record Me(String username, String displayName, String role, String party, String office) {
    }

    record PeerView(String party, String baseUrl, String fingerprint) {
    }

    record NodeView(String party, String publicKey, String fingerprint, List<PeerView> peers) {
    }

    @Operation(summary = "The user the token belongs to")
    @GetMapping("/me")
    Me me(Authentication user) {
        UserAccount account = users.own(user.getName()).orElseThrow();
        return new Me(account.username(), account.displayName(), account.role().name(), account.party(), account.office());
    }

    @Operation(summary = "This node's party, public key and trusted peers")
    @GetMapping("/node")
    NodeView node() {
        return new NodeView(parties.self().code(), identity.exportedPublicKey(), identity.fingerprint(),
                parties.peers().stream().map(p -> new PeerView(p.party().code(), p.baseUrl().toString(), p.fingerprint()))
                        .toList());
    }
}
