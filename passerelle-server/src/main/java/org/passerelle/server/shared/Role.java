package org.passerelle.server.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a user may do on a node. Some roles exist only on one party's node: prefectures are French,
 * consulates are Moroccan.
 */
public enum Role {
    ADMINISTRATOR(null),
    PREFECTURE_OFFICER("FR"),
    CENTRAL_MIGRATION_OFFICER("FR"),
    CONSULAR_OFFICER("MA"),
    CENTRAL_IDENTIFICATION_OFFICER("MA"),
    CHILD_PROTECTION_OFFICER(null),
    ANALYST(null),
    JOINT_GROUP_SECRETARIAT(null),
    /** Each party's co-chair of the joint migration group: approves the minutes for their side. */
    JOINT_GROUP_CO_CHAIR(null),
    AUDITOR(null);

    private final String onlyParty;

    Role(String onlyParty) {
        this.onlyParty = onlyParty;
    }

    public boolean allowedFor(String partyCode) {
        return onlyParty == null || onlyParty.equals(partyCode);
    }

    /** The Spring Security authority carried by a fully signed-in user of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name, e.g. {@code role.PREFECTURE_OFFICER}. */
    public String messageKey() {
        return "role." + name();
    }

    public static List<Role> forParty(String partyCode) {
        return Arrays.stream(values()).filter(r -> r.allowedFor(partyCode)).toList();
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst();
    }
}
