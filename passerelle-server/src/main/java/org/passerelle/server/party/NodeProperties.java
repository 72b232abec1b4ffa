package org.passerelle.server.party;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A node's configuration: where it keeps its data, which party it serves and which peers it trusts.
 *
 * @param dataDir folder holding the embedded database, the node key and other node-private files
 * @param party the party this node belongs to
 * @param peers the other parties' nodes this node exchanges envelopes with
 * @param key how the node's private key is kept
 */
@ConfigurationProperties("passerelle")
public record NodeProperties(
        @DefaultValue("data") Path dataDir,
        PartyProperties party,
        @DefaultValue List<PeerProperties> peers,
        @DefaultValue KeyProperties key) {

    /**
     * @param passphrase when set (usually as the environment variable {@code PASSERELLE_KEY_PASSPHRASE}), the key
     *        file is encrypted with it
     */
    public record KeyProperties(@DefaultValue("") String passphrase) {
    }

    /** @param code party code, e.g. {@code FR} or {@code MA}; @param names display names by language */
    public record PartyProperties(String code, @DefaultValue Map<String, String> names) {
    }

    /** @param publicKey the peer's Ed25519 key as printed by its {@code passerelle keys export} */
    public record PeerProperties(String party, @DefaultValue Map<String, String> names, String baseUrl, String publicKey) {
    }
}
