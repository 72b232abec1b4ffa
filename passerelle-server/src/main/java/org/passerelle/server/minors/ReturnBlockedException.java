package org.passerelle.server.minors;

import java.util.List;
import org.passerelle.server.shared.RefusedException;

/** A return refused because safeguards do not hold: each one missing, by its code ({@link MinorState#SAFEGUARDS}). */
public class ReturnBlockedException extends RefusedException {

    private final transient List<String> missing;

    public ReturnBlockedException(List<String> missing) {
        super("minors.refused.returnBlocked", missing.size());
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
