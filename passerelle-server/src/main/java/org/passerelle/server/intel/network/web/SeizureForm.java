package org.passerelle.server.intel.network.web;

/** What was typed in a network's seizure form, given back with its errors so that nothing typed is lost. */
public record SeizureForm(String drug, String quantity, String place, String date, String actors) {
    static final SeizureForm EMPTY = new SeizureForm("", "", "", "", "");
}
