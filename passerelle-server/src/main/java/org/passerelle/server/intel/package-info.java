/** Intelligence: information requests between parties, with handling codes enforced (networks come next). */
package org.passerelle.server.intel;
