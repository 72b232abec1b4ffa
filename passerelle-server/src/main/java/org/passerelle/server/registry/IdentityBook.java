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
    REQUESTED_PERSONS,
    /**
     * The children France reported whose tracing consent is recorded, as their records arrive in Morocco: looked
     * through when a family asks Morocco to trace a child.
     */
    REPORTED_MINORS,
    /** The children families in Morocco asked to trace (with their consent): looked through when a child is reported. */
    TRACING_REQUESTS;

    /** The book's name in the database and on disk. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
