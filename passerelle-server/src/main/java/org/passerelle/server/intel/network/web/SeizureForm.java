package org.passerelle.server.intel.network.web;

import java.util.List;

/** What was typed in a network's seizure form, given back with its errors so that nothing typed is lost. */
public record SeizureForm(String drug, String quantity, String place, String date, String actors) {
    static final SeizureForm EMPTY = new SeizureForm("", "", "", "", "");

    /** The form's fields, as the errors name them: those the form shows beside its inputs and opens itself for. */
    public static final List<String> FIELDS = List.of("drug", "quantity", "place", "date", "actors");
}
