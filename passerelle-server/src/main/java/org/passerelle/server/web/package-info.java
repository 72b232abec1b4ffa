/**
 * The pages' frame: the layout, the page context, form errors, charts, the home page and the language switch; every
 * module's own pages live in its {@code web} sub-package.
 */
@ApplicationModule(allowedDependencies = {"i18n", "party", "shared"})
package org.passerelle.server.web;

import org.springframework.modulith.ApplicationModule;
