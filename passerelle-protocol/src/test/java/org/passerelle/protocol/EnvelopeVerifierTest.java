package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeVerifierTest {

    private final EnvelopeVerifier morocco = TestParties.verifierFor("MA");

    @Test
    void aSignedEnvelopeVerifiesWithTheSameHashOnBothSides() {
        Envelope sent = TestParties.signedNote("bonjour");
        Envelope received = morocco.verify(sent.toJson());

        assertThat(received.hash()).isEqualTo(sent.hash()).hasSize(64);
        assertThat(received.canonical()).isEqualTo(sent.canonical());
        assertThat(received.payload().get("text").asString()).isEqualTo("bonjour");
    }

    @Test
    void reformattingTheJsonChangesNothing() {
        Envelope sent = TestParties.signedNote("ordre des clés");
        ObjectNode tree = (ObjectNode) EnvelopeJson.readTree(sent.toJson());
        String reordered = "{\n  \"signature\": " + EnvelopeJson.write(tree.get("signature")) + ",\n"
                + EnvelopeJson.write(tree).substring(1).replace(",\"signature\":" + EnvelopeJson.write(tree.get("signature")), "");
        assertThat(morocco.verify(reordered).hash()).isEqualTo(sent.hash());
    }

    @Test
    void canonicalFormSortsKeysAndNormalisesNumbers() {
        assertThat(EnvelopeJson.canonicalize("{\"b\": 1, \"a\": \"é\", \"c\": 1.0E2, \"d\": [true, null]}"))
                .isEqualTo("{\"a\":\"é\",\"b\":1,\"c\":100,\"d\":[true,null]}");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String json = TestParties.signedNote("100 kg").toJson().replace("100 kg", "900 kg");
        assertRejected(json, RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void aForgedSignatureIsRefused() {
        Envelope byMorocco = TestParties.MA_SIGNER.sign(
                TestParties.note("MA", "MA", "forged", List.of(), TestParties.NOW, Handling.ROUTINE));
        String claimedFromFrance = TestParties.signedNote("x").toJson()
                .replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"" + byMorocco.signature() + "\"");
        assertRejected(claimedFromFrance, RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anUnknownSenderIsRefused() {
        EnvelopeSigner spain = new EnvelopeSigner("ES", TestParties.FR.getPrivate());
        Envelope fromSpain = spain.sign(TestParties.note("ES", "MA", "hola", List.of(), TestParties.NOW, Handling.ROUTINE));
        assertRejected(fromSpain.toJson(), RejectionReason.UNKNOWN_SENDER);
    }

    @Test
    void anEnvelopeForSomeoneElseIsRefused() {
        assertRejected(TestParties.signedNote("x").toJson(), RejectionReason.WRONG_RECIPIENT, TestParties.verifierFor("FR"));
    }

    @Test
    void unknownKindsAndWrongPayloadsAreRefused() {
        EnvelopeDraft draft = TestParties.note("FR", "MA", "x", List.of(), TestParties.NOW, Handling.ROUTINE);
        EnvelopeDraft unknown = new EnvelopeDraft(draft.id(), draft.caseRef(), "gossip", "FR", draft.to(), List.of(),
                draft.sentAt(), draft.handling(), draft.payload(), List.of());
        assertRejected(TestParties.FR_SIGNER.sign(unknown).toJson(), RejectionReason.UNKNOWN_KIND);

        EnvelopeDraft extraField = new EnvelopeDraft(draft.id(), draft.caseRef(), "note", "FR", draft.to(), List.of(),
                draft.sentAt(), draft.handling(), EnvelopeJson.object().put("text", "x").put("secret", "y"), List.of());
        assertRejected(TestParties.FR_SIGNER.sign(extraField).toJson(), RejectionReason.SCHEMA_VIOLATION);

        EnvelopeDraft tooLong = new EnvelopeDraft(draft.id(), draft.caseRef(), "note", "FR", draft.to(), List.of(),
                draft.sentAt(), draft.handling(), EnvelopeJson.object().put("text", "x".repeat(101)), List.of());
        assertRejected(TestParties.FR_SIGNER.sign(tooLong).toJson(), RejectionReason.SCHEMA_VIOLATION);
    }

    @Test
    void oldAndFutureEnvelopesAreRefused() {
        Envelope old = TestParties.FR_SIGNER.sign(TestParties.note("FR", "MA", "replayed", List.of(),
                TestParties.NOW.minus(Duration.ofDays(45)), Handling.ROUTINE));
        assertRejected(old.toJson(), RejectionReason.TOO_OLD);
        Envelope future = TestParties.FR_SIGNER.sign(TestParties.note("FR", "MA", "early", List.of(),
                TestParties.NOW.plus(Duration.ofMinutes(10)), Handling.ROUTINE));
        assertRejected(future.toJson(), RejectionReason.CLOCK_SKEW);
    }

    @Test
    void oversizedAndMalformedInputIsRefused() {
        EnvelopeVerifier small = new EnvelopeVerifier("MA", TestParties.KEYS, TestParties.kinds(),
                new EnvelopeVerifier.Limits(200, Duration.ofMinutes(5), Duration.ofDays(30)), TestParties.CLOCK);
        assertRejected(TestParties.signedNote("x").toJson(), RejectionReason.PAYLOAD_TOO_LARGE, small);
        assertRejected("not json", RejectionReason.MALFORMED);
        assertRejected("[1,2]", RejectionReason.MALFORMED);
        assertRejected(TestParties.signedNote("x").toJson().replace("\"v\":1", "\"v\":2"), RejectionReason.UNSUPPORTED_VERSION);
        assertRejected(TestParties.signedNote("x").toJson().replace("{\"attachments\"", "{\"extra\":1,\"attachments\""),
                RejectionReason.MALFORMED);
    }

    @Test
    void h3NeedsItsRestrictionAndGradingIsBounded() {
        assertThatThrownBy(() -> new Handling(HandlingCode.H3, 'A', 1, " ")).hasMessageContaining("restriction");
        assertThatThrownBy(() -> new Handling(HandlingCode.H0, 'D', 1, null)).hasMessageContaining("A, B, C, X");
        assertThatThrownBy(() -> new Handling(HandlingCode.H0, 'A', 5, null)).hasMessageContaining("1 to 4");
        assertThat(new Handling(HandlingCode.H1, 'B', 2, "ignored").restriction()).isNull();
        assertThat(new Handling(HandlingCode.H1, 'B', 2, null).grading()).isEqualTo("B2");
    }

    private void assertRejected(String json, RejectionReason reason) {
        assertRejected(json, reason, morocco);
    }

    private static void assertRejected(String json, RejectionReason reason, EnvelopeVerifier verifier) {
        assertThatThrownBy(() -> verifier.verify(json))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
