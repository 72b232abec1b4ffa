/** Languages: the three message bundles (Arabic, French, English), ICU formatting with plurals, text direction. */
@ApplicationModule(allowedDependencies = {})
package org.passerelle.server.i18n;

import org.springframework.modulith.ApplicationModule;
