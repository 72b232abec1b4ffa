/** What every module shares about the database it runs on: redoable transactions, and workers draining queues kept in it. */
package org.passerelle.server.storage;
