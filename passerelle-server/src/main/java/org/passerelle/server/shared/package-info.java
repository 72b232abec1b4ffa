/**
 * What every module may use and none owns: a viewer (who asks: a user with their role, or the node itself), roles,
 * a page of a long list, a workflow's table, input that breaks a rule, a step a safeguard refuses, a case the viewer may
 * not see, the transaction of work on a case, and the interface of the figures modules share with the joint group
 * ({@link SharedIndicators}). No state, no beans; it depends on nothing.
 */
@ApplicationModule(allowedDependencies = {})
package org.passerelle.server.shared;

import org.springframework.modulith.ApplicationModule;
