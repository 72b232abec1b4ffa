/** Accounts and access: users, roles, passwords, the TOTP second factor, API tokens and the access rules. */
@ApplicationModule(allowedDependencies = {"audit", "i18n", "party", "shared", "web"})
package org.passerelle.server.security;

import org.springframework.modulith.ApplicationModule;
