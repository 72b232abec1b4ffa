/** The tamper-evident audit log: who did what to which record, when, from where, with what outcome. */
@ApplicationModule(allowedDependencies = {"party", "shared", "storage", "web"})
package org.passerelle.server.audit;

import org.springframework.modulith.ApplicationModule;
