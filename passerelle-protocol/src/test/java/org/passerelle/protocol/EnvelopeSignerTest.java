package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeSignerTest {

    /** What the sender keeps is exactly what the receiver rebuilds from the wire, to the millisecond. */
    @Test
    void aSignedEnvelopeEqualsItsParsedForm() {
        Instant withNanos = Instant.parse("2026-11-29T10:00:00.123456789Z");
        Envelope signed = TestParties.FR_SIGNER.sign(new EnvelopeDraft(UuidV7.at(withNanos).toString(),
                new CaseRef("C-9", "test"), "note", "FR", List.of("MA"), List.of("a".repeat(64)), withNanos,
                new Handling(HandlingCode.H3, 'B', 2, "Usage limité à l'enquête 2026/114"),
                EnvelopeJson.object().put("text", "é ü \u0645\u062d\u0645\u062f"),
                List.of(new AttachmentRef("p.jpg", "image/jpeg", "b".repeat(64), 12))));

        assertThat(EnvelopeJson.parse(signed.toJson())).isEqualTo(signed);
        assertThat(signed.sentAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00.123Z"));
    }
}
