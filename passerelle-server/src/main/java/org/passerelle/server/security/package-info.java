/** Accounts and access: users, roles, passwords, the TOTP second factor, API tokens and the access rules. */
package org.passerelle.server.security;
