/** Exchange between nodes: envelopes stored byte for byte, the outbox and its deliveries, the inbox, receipts, retries. */
@ApplicationModule(allowedDependencies = {"audit", "party", "security", "shared", "storage"})
package org.passerelle.server.exchange;

import org.springframework.modulith.ApplicationModule;
