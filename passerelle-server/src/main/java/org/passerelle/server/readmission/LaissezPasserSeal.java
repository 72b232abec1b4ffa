package org.passerelle.server.readmission;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.PublicKeys;
import org.passerelle.protocol.Signatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The laissez-passer's seal, in the spirit of ICAO 9303's visible digital seal: the document's data, signed by the
 * issuing node's key, small enough for a 2D code, checkable offline with that node's public key alone. Its text is
 * {@code PLP1.<data>.<signature>}: the data as canonical JSON (RFC 8785) in base64url, and an Ed25519 signature over a
 * label naming the seal's purpose followed by the data, so that no other signature of the node can pass for one.
 */
public final class LaissezPasserSeal {

    static final String PREFIX = "PLP1";
    private static final byte[] PURPOSE = "passerelle laissez-passer v1\n".getBytes(StandardCharsets.UTF_8);

    /**
     * What the seal vouches for.
     *
     * @param keyFingerprint the fingerprint of the key that signed it, to tell a seal of another key from an altered one
     */
    public record Data(String number, String issuer, String consulate, List<String> names, String sex,
            String birthDate, String birthPlace, LocalDate issuedOn, LocalDate validUntil, String from, String to,
            String keyFingerprint) {

        public Data {
            names = List.copyOf(names);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("v", 1).put("number", number).put("issuer", issuer)
                    .put("consulate", consulate).put("sex", sex).put("issuedOn", issuedOn.toString())
                    .put("validUntil", validUntil.toString()).put("from", from).put("to", to)
                    .put("key", keyFingerprint);
            ArrayNode list = json.putArray("names");
            names.forEach(list::add);
            if (birthDate != null) {
                json.put("birthDate", birthDate);
            }
            if (birthPlace != null) {
                json.put("birthPlace", birthPlace);
            }
            return json;
        }

        static Data of(JsonNode json) {
            List<String> names = new ArrayList<>();
            json.path("names").forEach(n -> names.add(n.asString()));
            return new Data(json.path("number").asString(), json.path("issuer").asString(),
                    json.path("consulate").asString(), names, json.path("sex").asString(),
                    json.has("birthDate") ? json.path("birthDate").asString() : null,
                    json.has("birthPlace") ? json.path("birthPlace").asString() : null,
                    LocalDate.parse(json.path("issuedOn").asString()), LocalDate.parse(json.path("validUntil").asString()),
                    json.path("from").asString(), json.path("to").asString(), json.path("key").asString());
        }
    }

    /** What a check of a seal found. */
    public enum Verdict {
        /** Signed by the key, data intact, valid on the day of the check and not known to be revoked. */
        VALID,
        /** Not a seal: unreadable, or not in this form. */
        MALFORMED,
        /** The data or the signature was changed: the signature does not match the key that should have made it. */
        ALTERED,
        /** Signed by another key than the one given. */
        WRONG_KEY,
        /** Intact, but its validity ended before the day of the check. */
        EXPIRED,
        /** Intact, but its validity starts after the day of the check. */
        NOT_YET_VALID,
        /** Intact, but the issuer revoked it (known only where the checker holds the case). */
        REVOKED,
        /** A document in which no seal could be read. */
        NO_SEAL,
        /** A document whose seal is intact but whose printed data differ from it. */
        PRINT_ALTERED;

        public boolean valid() {
            return this == VALID;
        }

        public String messageKey() {
            return "lpc.verdict." + name();
        }
    }

    /** A check's result: the verdict, and the data when the seal could be read. */
    public record Check(Verdict verdict, Data data) {
    }

    private LaissezPasserSeal() {
    }

    /** The seal of {@code data}, signed with {@code sign} (the issuing node's key: base64url signature of bytes). */
    public static String seal(Data data, Function<byte[], String> sign) {
        byte[] canonical = EnvelopeJson.canonicalize(EnvelopeJson.write(data.toJson())).getBytes(StandardCharsets.UTF_8);
        return PREFIX + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(canonical) + "."
                + sign.apply(signed(canonical));
    }

    /**
     * Checks a seal against the issuer's public key on {@code today}; {@code revoked} says whether the issuer is known
     * to have revoked the laissez-passer with that number (false when the checker cannot know).
     */
    public static Check check(String seal, PublicKey issuerKey, LocalDate today, Function<String, Boolean> revoked) {
        String[] parts = seal == null ? new String[0] : seal.strip().split("\\.");
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            return new Check(Verdict.MALFORMED, null);
        }
        byte[] canonical;
        byte[] signature;
        Data data;
        try {
            canonical = Base64.getUrlDecoder().decode(parts[1]);
            signature = Base64.getUrlDecoder().decode(parts[2]);
            String json = new String(canonical, StandardCharsets.UTF_8);
            data = Data.of(EnvelopeJson.readTree(json));
        } catch (IllegalArgumentException | DateTimeParseException | tools.jackson.core.JacksonException e) {
            return new Check(Verdict.MALFORMED, null);
        }
        if (!Signatures.verify(issuerKey, signed(canonical), signature)) {
            boolean otherKey = !PublicKeys.fingerprint(issuerKey).equals(data.keyFingerprint());
            return new Check(otherKey ? Verdict.WRONG_KEY : Verdict.ALTERED, data);
        }
        if (!EnvelopeJson.canonicalize(new String(canonical, StandardCharsets.UTF_8))
                .equals(new String(canonical, StandardCharsets.UTF_8))) {
            return new Check(Verdict.ALTERED, data);
        }
        if (revoked.apply(data.number())) {
            return new Check(Verdict.REVOKED, data);
        }
        if (today.isAfter(data.validUntil())) {
            return new Check(Verdict.EXPIRED, data);
        }
        if (today.isBefore(data.issuedOn())) {
            return new Check(Verdict.NOT_YET_VALID, data);
        }
        return new Check(Verdict.VALID, data);
    }

    private static byte[] signed(byte[] canonical) {
        byte[] message = new byte[PURPOSE.length + canonical.length];
        System.arraycopy(PURPOSE, 0, message, 0, PURPOSE.length);
        System.arraycopy(canonical, 0, message, PURPOSE.length, canonical.length);
        return message;
    }
}
