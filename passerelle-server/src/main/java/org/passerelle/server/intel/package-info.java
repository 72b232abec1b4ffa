/** Intelligence: information requests and criminal networks, handling codes enforced, case teams (need to know). */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "i18n", "party", "security", "shared", "web"})
package org.passerelle.server.intel;

import org.springframework.modulith.ApplicationModule;
