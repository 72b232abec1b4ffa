/**
 * The node's identity records and the matching engine over them: the civil registry it imports (CSV, with progress and
 * errors by line and column), the persons of requests it filed (for duplicates), the engine's index on disk kept as a
 * cache of the rows, and the scoring models it estimated, each named by a hash.
 */
@ApplicationModule(allowedDependencies = {"audit", "shared", "storage", "web", "party"})
package org.passerelle.server.registry;

import org.springframework.modulith.ApplicationModule;
