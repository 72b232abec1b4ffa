package org.passerelle.server.intel;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope kinds of an information request and their payloads (docs/protocol.md): each payload is a record that
 * writes, reads and declares its own fields, so that a field's name is written in one place.
 */
@Component
class InformationRequestKinds implements ExchangeKinds {

    static final String CASE_TYPE = "information-request";
    static final String REQUEST = "information-request.request";
    static final String ANSWER = "information-request.answer";
    static final String QUESTION = "information-request.question";
    static final String CLARIFICATION = "information-request.clarification";
    static final String DECLINE = "information-request.decline";

    /** The request itself: what is asked, and how fast the answer is due. */
    record RequestPayload(String subject, String question, Urgency urgency) {
        static final int SUBJECT_MAX = 200;
        static final int QUESTION_MAX = 8000;

        static PayloadSchema schema() {
            Set<String> urgencies = Arrays.stream(Urgency.values()).map(Enum::name).collect(Collectors.toSet());
            return PayloadSchema.object().text("subject", SUBJECT_MAX).text("question", QUESTION_MAX)
                    .oneOf("urgency", urgencies);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("subject", subject).put("question", question).put("urgency", urgency.name());
        }

        /** Reads a stored payload (null when it was purged: a retracted request). */
        static RequestPayload of(JsonNode payload) {
            return payload == null ? null : new RequestPayload(payload.path("subject").asString(null),
                    payload.path("question").asString(null),
                    Urgency.valueOf(payload.path("urgency").asString(Urgency.NORMAL.name())));
        }
    }

    /** Every other message of the thread: answer, question, clarification, decline (its reason). */
    record TextPayload(String text) {
        static final int MAX = 8000;

        static PayloadSchema schema() {
            return PayloadSchema.object().text("text", MAX);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("text", text);
        }

        static TextPayload of(JsonNode payload) {
            return payload == null ? null : new TextPayload(payload.path("text").asString(null));
        }
    }

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(REQUEST, RequestPayload.schema());
        for (String reply : new String[] {ANSWER, QUESTION, CLARIFICATION, DECLINE}) {
            kinds.register(reply, TextPayload.schema());
        }
    }
}
