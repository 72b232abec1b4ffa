/**
 * What every module shares about the database: durable commits, redoable transactions, workers draining queues
 * kept in it, and the embedded database kept to the node's account.
 */
@ApplicationModule(allowedDependencies = {})
package org.passerelle.server.storage;

import org.springframework.modulith.ApplicationModule;
