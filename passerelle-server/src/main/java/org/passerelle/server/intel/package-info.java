/** Intelligence: information requests and criminal networks, handling codes enforced, case teams (need to know). */
package org.passerelle.server.intel;
