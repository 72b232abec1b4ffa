package org.passerelle.protocol;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An envelope before it is signed: everything the sender decides. */
public record EnvelopeDraft(String id, CaseRef caseRef, String kind, String from, List<String> to,
        List<String> parents, Instant sentAt, Handling handling, JsonNode payload, List<AttachmentRef> attachments) {

    public EnvelopeDraft {
        to = List.copyOf(to);
        parents = List.copyOf(parents);
        attachments = List.copyOf(attachments);
    }
}
