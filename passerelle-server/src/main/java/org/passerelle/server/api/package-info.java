/**
 * The REST API's frame: errors in one form and the OpenAPI document; every module's endpoints live in its {@code api}
 * sub-package.
 */
@ApplicationModule(allowedDependencies = {"i18n", "shared"})
package org.passerelle.server.api;

import org.springframework.modulith.ApplicationModule;
