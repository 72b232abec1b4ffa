/**
 * What every module may use and none owns: a viewer (who asks: a user with their role, or the node itself), roles,
 * a page of a long list, a workflow's table, and input that breaks a rule. No state, no beans; it depends on nothing.
 */
@ApplicationModule(allowedDependencies = {})
package org.passerelle.server.shared;

import org.springframework.modulith.ApplicationModule;
