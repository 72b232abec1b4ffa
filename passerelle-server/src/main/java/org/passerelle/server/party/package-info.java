/** Parties and nodes: this node's own party, its peers, their keys and the trust between them. */
package org.passerelle.server.party;
