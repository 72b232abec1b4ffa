package org.passerelle.protocol;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Two parties with keys, and helpers to write envelopes between them. */
final class TestParties {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final KeyPair FR = generate();
    static final KeyPair MA = generate();
    static final EnvelopeSigner FR_SIGNER = new EnvelopeSigner("FR", FR.getPrivate());
    static final EnvelopeSigner MA_SIGNER = new EnvelopeSigner("MA", MA.getPrivate());
    static final Map<String, PublicKey> KEYS = Map.of("FR", FR.getPublic(), "MA", MA.getPublic());

    private TestParties() {
    }

    static KindRegistry kinds() {
        KindRegistry kinds = new KindRegistry();
        kinds.register("note", PayloadSchema.object().text("text", 100));
        return kinds;
    }

    static EnvelopeVerifier verifierFor(String self) {
        return new EnvelopeVerifier(self, KEYS, kinds(), EnvelopeVerifier.Limits.DEFAULT, CLOCK);
    }

    static EnvelopeDraft note(String from, String to, String text, List<String> parents, Instant at, Handling handling) {
        return new EnvelopeDraft(UuidV7.at(at).toString(), new CaseRef("C-1", "test"), "note", from, List.of(to),
                parents, at, handling, EnvelopeJson.object().put("text", text), List.of());
    }

    static Envelope signedNote(String text) {
        return FR_SIGNER.sign(note("FR", "MA", text, List.of(), NOW, Handling.ROUTINE));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
