/** Criminal networks: entities, links with provenance, analysis, disruption, seizures (the intel module's network API). */
@org.springframework.modulith.NamedInterface("network")
package org.passerelle.server.intel.network;
