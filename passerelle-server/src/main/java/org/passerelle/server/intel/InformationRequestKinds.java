package org.passerelle.server.intel;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;

/** The envelope kinds of an information request and what each payload holds (docs/protocol.md). */
@Component
class InformationRequestKinds implements ExchangeKinds {

    static final String CASE_TYPE = "information-request";
    static final String REQUEST = "information-request.request";
    static final String ANSWER = "information-request.answer";
    static final String QUESTION = "information-request.question";
    static final String CLARIFICATION = "information-request.clarification";
    static final String DECLINE = "information-request.decline";

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 8000;

    @Override
    public void register(KindRegistry kinds) {
        Set<String> urgencies = Arrays.stream(Urgency.values()).map(Enum::name).collect(Collectors.toSet());
        kinds.register(REQUEST, PayloadSchema.object().text("subject", SUBJECT_MAX).text("question", TEXT_MAX)
                .oneOf("urgency", urgencies));
        kinds.register(ANSWER, PayloadSchema.object().text("text", TEXT_MAX));
        kinds.register(QUESTION, PayloadSchema.object().text("text", TEXT_MAX));
        kinds.register(CLARIFICATION, PayloadSchema.object().text("text", TEXT_MAX));
        kinds.register(DECLINE, PayloadSchema.object().text("text", TEXT_MAX));
    }
}
