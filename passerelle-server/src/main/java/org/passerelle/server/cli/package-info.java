/** The command line: serve a node, run the two-node demo, verify the audit chain, manage users, export keys. */
@ApplicationModule(allowedDependencies = {"audit", "coordination", "exchange", "i18n", "intel", "intel :: network",
        "minors", "party", "readmission", "registry", "security", "shared", "storage", "witness"})
package org.passerelle.server.cli;

import org.springframework.modulith.ApplicationModule;
