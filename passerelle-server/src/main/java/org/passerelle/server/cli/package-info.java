/** The command line: serve a node, run the two-node demo, verify the audit chain, manage users, export keys. */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "i18n", "intel", "intel :: network", "party", "readmission", "registry", "security", "shared", "storage", "witness"})
package org.passerelle.server.cli;

import org.springframework.modulith.ApplicationModule;
