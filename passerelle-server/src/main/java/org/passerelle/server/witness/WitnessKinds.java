package org.passerelle.server.witness;

import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;

/** The envelope a node sends its peers when it signs a head of its audit chain (docs/protocol.md). */
@Component
class WitnessKinds implements ExchangeKinds {

    static final String CASE_TYPE = "audit-witness";
    static final String CHECKPOINT = "audit.checkpoint";

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(CHECKPOINT, PayloadSchema.object().text("seq", 20).text("hash", 64).text("signedAt", 40)
                .text("signature", 200));
    }
}
