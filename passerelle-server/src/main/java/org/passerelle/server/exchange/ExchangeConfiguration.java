package org.passerelle.server.exchange;

import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.protocol.EnvelopeVerifier;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kinds this node accepts (declared by the modules) and the verifier of incoming envelopes. */
@Configuration
class ExchangeConfiguration {

    @Bean
    KindRegistry kindRegistry(List<ExchangeKinds> modules) {
        KindRegistry kinds = new KindRegistry();
        modules.forEach(m -> m.register(kinds));
        return kinds;
    }

    @Bean
    EnvelopeVerifier envelopeVerifier(PartyDirectory parties, NodeIdentity identity, KindRegistry kinds,
            ExchangeProperties properties, Clock clock) {
        Map<String, PublicKey> senders = new HashMap<>();
        parties.peers().forEach(p -> senders.put(p.party().code(), p.publicKey()));
        // Its own key too: a node re-verifies what it signed when it shows a thread.
        senders.put(parties.self().code(), identity.publicKey());
        return new EnvelopeVerifier(parties.self().code(), senders, kinds,
                new EnvelopeVerifier.Limits(properties.maxEnvelopeBytes(), properties.maxClockSkew(), properties.maxAge()),
                clock);
    }
}
