package org.passerelle.server.intel.web;

import org.passerelle.server.intel.NewInformationRequest;

/** The new-request form as typed. */
public record RequestForm(String to, String subject, String question, String urgency, String handlingCode,
        String source, String information, String restriction) {

    static RequestForm empty(String defaultPeer) {
        return new RequestForm(defaultPeer, "", "", "NORMAL", "H0", "X", "4", "");
    }

    NewInformationRequest toRequest() {
        return new NewInformationRequest(to, subject, question, urgency, handlingCode, source, information,
                restriction == null || restriction.isBlank() ? null : restriction.strip());
    }
}
