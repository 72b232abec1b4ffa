package org.passerelle.server.security.web;

import org.passerelle.server.security.NewUser;

/** The create-user form as posted; each step posts it whole, so nothing is kept on the server in between. */
public record UserForm(String username, String displayName, String role, String office) {

    NewUser toNewUser() {
        return new NewUser(trim(username), trim(displayName), role, trim(office), null);
    }

    static UserForm empty() {
        return new UserForm("", "", "", "");
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
