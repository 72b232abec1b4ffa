package org.passerelle.server.security;

/**
 * What an administrator gives to create a user.
 *
 * @param role the role's name, as typed or chosen (validated on creation)
 * @param password the initial password, or null to have one generated
 */
public record NewUser(String username, String displayName, String role, String office, String password) {
}
