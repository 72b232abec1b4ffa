package org.passerelle.server.intel.network;

import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;

/** A sub-network shared with the other party: its name and its links with their provenance. */
@Component
class NetworkKinds implements ExchangeKinds {

    static final String CASE_TYPE = "network";
    static final String SHARE = "network.share";

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(SHARE, PayloadSchema.object().text("name", 200).json("links"));
    }
}
