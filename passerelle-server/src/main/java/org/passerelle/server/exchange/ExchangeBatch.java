package org.passerelle.server.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.protocol.EnvelopeJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The body nodes exchange: envelopes as JSON strings, and attachment bytes keyed by their SHA-256. */
record ExchangeBatch(List<String> envelopes, Map<String, byte[]> attachments) {

    static ExchangeBatch parse(String json) {
        JsonNode tree = EnvelopeJson.readTree(json);
        if (tree == null || !tree.path("envelopes").isArray()) {
            throw new IllegalArgumentException("a batch has an 'envelopes' array");
        }
        List<String> envelopes = new ArrayList<>();
        for (JsonNode envelope : tree.get("envelopes")) {
            if (!envelope.isString()) {
                throw new IllegalArgumentException("each envelope travels as a JSON string");
            }
            envelopes.add(envelope.stringValue());
        }
        Map<String, byte[]> attachments = new HashMap<>();
        JsonNode files = tree.path("attachments");
        for (String sha : files.propertyNames()) {
            attachments.put(sha, Base64.getDecoder().decode(files.get(sha).asString("")));
        }
        return new ExchangeBatch(envelopes, attachments);
    }

    byte[] toBytes() {
        ObjectNode body = EnvelopeJson.object();
        ArrayNode list = body.putArray("envelopes");
        envelopes.forEach(list::add);
        ObjectNode files = body.putObject("attachments");
        attachments.forEach((sha, bytes) -> files.put(sha, Base64.getEncoder().encodeToString(bytes)));
        return EnvelopeJson.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
