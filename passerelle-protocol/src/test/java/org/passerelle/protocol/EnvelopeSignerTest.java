package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeSignerTest {

    private static final Instant WITH_NANOS = Instant.parse("2026-11-29T10:00:00.123456789Z");

    /** What the sender keeps is exactly what the receiver rebuilds from the wire, to the millisecond. */
    @Test
    void aSignedEnvelopeEqualsItsParsedForm() {
        Envelope signed = signed(EnvelopeJson.object().put("text", "é ü \u0645\u062d\u0645\u062f"));

        assertThat(EnvelopeJson.parse(signed.toJson())).isEqualTo(signed);
        assertThat(signed.sentAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00.123Z"));
    }

    /** Reading a stored envelope without canonicalising it again gives exactly what a full parse gives. */
    @Test
    void aStoredEnvelopeReadsTheSameWithoutCanonicalisingAgain() {
        ObjectNode tricky = EnvelopeJson.object().put("text", "quote \" backslash \\ tab \t \u0000 \u2028 \uD83D\uDE00")
                .put("number", 1e21).put("small", 0.000001).put("signature", "a payload may use the name too");
        tricky.putObject("nested").put("z", 1).put("a", "\u0645");
        Envelope signed = signed(tricky);
        String stored = signed.toJson();

        assertThat(EnvelopeJson.parseStored(stored, signed.hash())).isEqualTo(signed)
                .isEqualTo(EnvelopeJson.parse(stored));
        // A hash that does not confirm the shortcut (content purged since, or written otherwise): a full parse.
        assertThat(EnvelopeJson.parseStored(stored, "0".repeat(64))).isEqualTo(signed);
        String reordered = "{\"signature\":" + stored.substring(stored.lastIndexOf(",\"signature\":") + 13,
                stored.length() - 1) + "," + stored.substring(1, stored.lastIndexOf(",\"signature\":")) + "}";
        assertThat(EnvelopeJson.parseStored(reordered, signed.hash())).isEqualTo(signed);
    }

    private static Envelope signed(ObjectNode payload) {
        return TestParties.FR_SIGNER.sign(new EnvelopeDraft(UuidV7.at(WITH_NANOS).toString(),
                new CaseRef("C-9", "test"), "note", "FR", List.of("MA"), List.of("a".repeat(64)), WITH_NANOS,
                new Handling(HandlingCode.H3, 'B', 2, "Usage limité à l'enquête 2026/114"), payload,
                List.of(new AttachmentRef("p.jpg", "image/jpeg", "b".repeat(64), 12))));
    }
}
