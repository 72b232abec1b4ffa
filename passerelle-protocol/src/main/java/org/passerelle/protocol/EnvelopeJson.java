package org.passerelle.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of envelopes (docs/protocol.md): writing, strict reading, canonicalisation and hashing. */
public final class EnvelopeJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("v", "id", "case", "kind", "from", "to", "parents", "sent_at",
            "handling", "payload", "attachments", "signature");
    private static final String SIGNATURE_MEMBER = ",\"signature\":";

    private EnvelopeJson() {
    }

    /** The canonical (RFC 8785) JSON of a draft: what its sender signs. */
    public static String canonical(EnvelopeDraft draft) {
        ObjectNode tree = NODES.objectNode();
        tree.put("v", Envelope.VERSION);
        tree.put("id", draft.id());
        tree.putObject("case").put("id", draft.caseRef().id()).put("type", draft.caseRef().type());
        tree.put("kind", draft.kind());
        tree.put("from", draft.from());
        ArrayNode to = tree.putArray("to");
        draft.to().forEach(to::add);
        ArrayNode parents = tree.putArray("parents");
        draft.parents().forEach(parents::add);
        tree.put("sent_at", draft.sentAt().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode handling = tree.putObject("handling");
        handling.put("code", draft.handling().code().name());
        handling.put("source", String.valueOf(draft.handling().source()));
        handling.put("information", draft.handling().information());
        if (draft.handling().restriction() != null) {
            handling.put("restriction", draft.handling().restriction());
        }
        tree.set("payload", draft.payload() == null ? NODES.objectNode() : draft.payload());
        ArrayNode attachments = tree.putArray("attachments");
        for (AttachmentRef a : draft.attachments()) {
            attachments.addObject().put("name", a.name()).put("media_type", a.mediaType()).put("sha256", a.sha256())
                    .put("size", a.size());
        }
        return canonicalize(MAPPER.writeValueAsString(tree));
    }

    /**
     * Reads an envelope as received. Refuses anything that is not exactly the documented shape, so that what
     * both sides store and hash is the same.
     */
    public static Envelope parse(String json) {
        JsonNode tree = envelopeTree(json);
        ObjectNode unsigned = ((ObjectNode) tree).deepCopy();
        unsigned.remove("signature");
        String canonical = canonicalize(MAPPER.writeValueAsString(unsigned));
        return fromTree(tree, canonical, sha256Hex(canonical));
    }

    /**
     * Reads an envelope this node wrote with {@link Envelope#toJson()} and stored under {@code hash}. Its canonical
     * form is then the JSON without the trailing signature member, which the hash confirms, so the costly
     * canonicalisation of {@link #parse} is skipped; anything else (content purged since, or written otherwise)
     * is read by {@link #parse}.
     */
    public static Envelope parseStored(String json, String hash) {
        String canonical = withoutSignature(json);
        if (canonical != null && sha256Hex(canonical).equals(hash)) {
            return fromTree(envelopeTree(json), canonical, hash);
        }
        return parse(json);
    }

    /** The envelope as it travels: its canonical form with the signature member added last. */
    static String withSignature(String canonical, String signature) {
        return canonical.substring(0, canonical.length() - 1) + SIGNATURE_MEMBER + MAPPER.writeValueAsString(
                NODES.stringNode(signature)) + "}";
    }

    /** The inverse of {@link #withSignature}, or null when {@code json} does not end with a plain signature member. */
    private static String withoutSignature(String json) {
        int member = json.lastIndexOf(SIGNATURE_MEMBER);
        int valueStart = member + SIGNATURE_MEMBER.length() + 1;
        if (member < 0 || valueStart > json.length() - 2 || json.charAt(valueStart - 1) != '"' || !json.endsWith("\"}")) {
            return null;
        }
        String value = json.substring(valueStart, json.length() - 2);
        return value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 ? null : json.substring(0, member) + "}";
    }

    private static JsonNode envelopeTree(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw malformed("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw malformed("an envelope is a JSON object");
        }
        for (String field : tree.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw malformed("unknown field '" + field + "'");
            }
        }
        int version = tree.path("v").asInt(-1);
        if (version != Envelope.VERSION) {
            throw new EnvelopeRejectedException(RejectionReason.UNSUPPORTED_VERSION, "version " + tree.path("v"));
        }
        return tree;
    }

    private static Envelope fromTree(JsonNode tree, String canonical, String hash) {
        String signature = text(tree, "signature");
        JsonNode handling = object(tree, "handling");
        String code = text(handling, "code");
        Handling parsedHandling;
        try {
            String source = text(handling, "source");
            parsedHandling = new Handling(HandlingCode.valueOf(code), source.length() == 1 ? source.charAt(0) : '?',
                    handling.path("information").asInt(0),
                    handling.has("restriction") ? text(handling, "restriction") : null);
        } catch (IllegalArgumentException e) {
            throw malformed("handling: " + e.getMessage());
        }
        JsonNode caseNode = object(tree, "case");
        Instant sentAt;
        try {
            sentAt = Instant.parse(text(tree, "sent_at"));
        } catch (DateTimeParseException e) {
            throw malformed("sent_at is not an ISO-8601 UTC instant");
        }
        List<AttachmentRef> attachments = new ArrayList<>();
        for (JsonNode a : array(tree, "attachments")) {
            attachments.add(new AttachmentRef(text(a, "name"), text(a, "media_type"), text(a, "sha256"),
                    a.path("size").asLong(-1)));
        }
        JsonNode payload = tree.get("payload");
        if (payload == null || !payload.isObject()) {
            throw malformed("payload is a JSON object");
        }
        return new Envelope(tree.path("v").asInt(), text(tree, "id"),
                new CaseRef(text(caseNode, "id"), text(caseNode, "type")), text(tree, "kind"), text(tree, "from"),
                strings(tree, "to"), strings(tree, "parents"), sentAt, parsedHandling, payload, attachments, canonical,
                hash, signature);
    }

    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (java.io.IOException e) {
            throw malformed("cannot canonicalise: " + e.getMessage());
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A JSON object node for building payloads. */
    /** Sets {@code field} to {@code value} when there is a value: payloads leave optional members out, never empty. */
    public static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    /** The text of an optional member of a payload, or null when it is absent. */
    public static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static JsonNode readTree(String json) {
        return MAPPER.readTree(json);
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isEmpty()) {
            throw malformed("'" + field + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw malformed("'" + field + "' must be an object");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw malformed("'" + field + "' must be an array");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(node, field)) {
            if (!item.isString()) {
                throw malformed("'" + field + "' holds strings only");
            }
            values.add(item.stringValue());
        }
        return values;
    }

    private static EnvelopeRejectedException malformed(String detail) {
        return new EnvelopeRejectedException(RejectionReason.MALFORMED, detail);
    }
}
