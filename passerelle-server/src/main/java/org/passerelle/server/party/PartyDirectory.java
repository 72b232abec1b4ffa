package org.passerelle.server.party;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.protocol.PublicKeys;
import org.springframework.stereotype.Component;

/** This node's own party and the peers it trusts, validated once from the configuration at start-up. */
@Component
public class PartyDirectory {

    private final Party self;
    private final Map<String, Peer> peers = new LinkedHashMap<>();

    public PartyDirectory(NodeProperties properties) {
        if (properties.party() == null || properties.party().code() == null) {
            throw new IllegalStateException(
                    "passerelle.party.code is not set: a node must know which party it serves (e.g. FR or MA)");
        }
        this.self = new Party(properties.party().code(), properties.party().names());
        for (NodeProperties.PeerProperties peer : properties.peers()) {
            Party party = new Party(peer.party(), peer.names());
            if (party.code().equals(self.code())) {
                throw new IllegalStateException("Peer " + party.code() + " is this node's own party");
            }
            if (peer.baseUrl() == null || peer.publicKey() == null) {
                throw new IllegalStateException("Peer " + party.code() + " needs both base-url and public-key");
            }
            peers.put(party.code(), new Peer(party, URI.create(peer.baseUrl()), PublicKeys.decode(peer.publicKey())));
        }
    }

    public Party self() {
        return self;
    }

    public List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    public Optional<Peer> peer(String partyCode) {
        return Optional.ofNullable(peers.get(partyCode));
    }
}
