package org.passerelle.server.shared;

/**
 * Who a module answers: a user of this node with their role, or the node itself (a worker, start-up, the command
 * line), said explicitly rather than guessed from the absence of a user. Pages and the API pass the signed-in user's;
 * a job passes {@link #node()}. Modules decide what a viewer may see from it alone.
 *
 * @param username the user's name ({@code system} for the node itself)
 * @param role the user's role (null for the node itself)
 * @param party the user's party: this node's
 * @param office the prefecture, consulate or service the user works for (null: none recorded, or the node itself);
 *        modules that route cases to offices scope what the user sees by it
 */
public record Viewer(String username, Role role, String party, String office) {

    /** Where a request carries the signed-in user as a viewer (set by the security module). */
    public static final String REQUEST_ATTRIBUTE = Viewer.class.getName();

    /** The name the node itself goes by, in the audit log as here; no account may take it. */
    public static final String NODE_NAME = "system";

    private static final Viewer NODE = new Viewer(NODE_NAME, null, null, null);

    public Viewer {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A viewer has a name");
        }
        if (role == null && !NODE_NAME.equals(username)) {
            throw new IllegalArgumentException("A user viewer has a role");
        }
    }

    /** A user who works for no particular office. */
    public Viewer(String username, Role role, String party) {
        this(username, role, party, null);
    }

    /** The node itself, which sees every case its modules hold (it checks nothing on anyone's behalf). */
    public static Viewer node() {
        return NODE;
    }

    public boolean isNode() {
        return role == null;
    }

    public boolean has(Role wanted) {
        return role == wanted;
    }
}
