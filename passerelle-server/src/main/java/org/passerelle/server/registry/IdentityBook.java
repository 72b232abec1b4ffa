package org.passerelle.server.registry;

import java.util.Locale;

/** A set of identity records the node looks people up in, each with an index of its own. */
public enum IdentityBook {
    /** The civil registry extract the node imports (Morocco's): who a person is. */
    CIVIL_REGISTRY,
    /**
     * The persons of the identification requests between the parties (France's filed, Morocco's received): whom
     * was asked about before, looked through for duplicates and used to estimate the civil registry's model.
     */
    REQUESTED_PERSONS;

    /** The book's name in the database and on disk. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
