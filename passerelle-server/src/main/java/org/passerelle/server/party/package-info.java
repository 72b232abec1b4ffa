/** Parties and nodes: this node's own party, its peers, their keys and the trust between them. */
@ApplicationModule(allowedDependencies = {})
package org.passerelle.server.party;

import org.springframework.modulith.ApplicationModule;
