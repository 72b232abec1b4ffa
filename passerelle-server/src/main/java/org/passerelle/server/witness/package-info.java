/**
 * Witnesses of the audit chain: this node's signed chain heads sent to its peers, which keep them, and fetched back
 * from them to check the chain against copies no one on this node can alter.
 */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "party", "web"})
package org.passerelle.server.witness;

import org.springframework.modulith.ApplicationModule;
