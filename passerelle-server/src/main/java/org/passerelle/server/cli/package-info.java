/** The command line: serve a node, run the two-node demo, verify the audit chain, manage users, export keys. */
package org.passerelle.server.cli;
