package org.passerelle.server.exchange;

import org.passerelle.protocol.KindRegistry;

/** Implemented by each business module (as a bean) to declare the envelope kinds it sends and their payloads. */
public interface ExchangeKinds {

    void register(KindRegistry kinds);
}
