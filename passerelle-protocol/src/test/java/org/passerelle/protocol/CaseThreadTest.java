package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseThreadTest {

    /** Both nodes derive the same thread from the same envelopes, whatever order they arrived in. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void anyDeliveryOrderGivesTheSameThread(long seed) {
        Random random = new Random(seed);
        List<Envelope> written = randomThread(random, 3 + random.nextInt(25));
        CaseThread reference = CaseThread.of(written);
        for (int shuffle = 0; shuffle < 10; shuffle++) {
            List<Envelope> arrived = new ArrayList<>(written);
            Collections.shuffle(arrived, random);
            CaseThread thread = CaseThread.of(arrived);
            assertThat(thread.envelopes()).extracting(Envelope::id)
                    .containsExactlyElementsOf(reference.envelopes().stream().map(Envelope::id).toList());
            assertThat(thread.entries()).isEqualTo(reference.entries());
            assertThat(thread.heads()).isEqualTo(reference.heads());
        }
        assertParentsComeFirst(reference);
    }

    @Test
    void retractionAndCorrectionApplyOnlyFromTheOriginator() {
        Instant t = TestParties.NOW;
        Envelope first = TestParties.FR_SIGNER.sign(TestParties.note("FR", "MA", "wrong date", List.of(), t, Handling.ROUTINE));
        Envelope second = TestParties.MA_SIGNER.sign(TestParties.note("MA", "FR", "noted", List.of(first.hash()), t.plusSeconds(1), Handling.ROUTINE));
        Envelope correction = TestParties.FR_SIGNER.sign(control("FR", ProtocolKinds.CORRECTION, first,
                EnvelopeJson.object().put("envelope", first.id()).put("hash", first.hash()).put("reason", "typo")
                        .set("payload", EnvelopeJson.object().put("text", "right date")), List.of(second.hash()), t.plusSeconds(2)));
        Envelope foreignRetraction = TestParties.MA_SIGNER.sign(control("MA", ProtocolKinds.RETRACTION, first,
                EnvelopeJson.object().put("envelope", first.id()).put("hash", first.hash()).put("reason", "not mine"),
                List.of(correction.hash()), t.plusSeconds(3)));
        Envelope retraction = TestParties.MA_SIGNER.sign(control("MA", ProtocolKinds.RETRACTION, second,
                EnvelopeJson.object().put("envelope", second.id()).put("hash", second.hash()).put("reason", "sent by mistake"),
                List.of(foreignRetraction.hash()), t.plusSeconds(4)));

        List<CaseThread.Entry> entries = CaseThread.of(List.of(retraction, foreignRetraction, correction, second, first)).entries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).corrected()).isTrue();
        assertThat(entries.get(0).retracted()).isFalse();
        assertThat(entries.get(0).payload().get("text").asString()).isEqualTo("right date");
        assertThat(entries.get(1).retracted()).isTrue();
        assertThat(entries.get(1).payload()).isNull();
    }

    @Test
    void h2ContentNeedsTheOriginatorsConsentToBePassedOn() {
        Envelope secret = TestParties.MA_SIGNER.sign(TestParties.note("MA", "FR", "network map", List.of(),
                TestParties.NOW, new Handling(HandlingCode.H2, 'B', 2, null)));
        CaseThread without = CaseThread.of(List.of(secret));
        assertThat(HandlingPolicy.forwardingRefusal(without, secret, "ES")).hasValueSatisfying(
                reason -> assertThat(reason).contains("H2", "MA", "ES"));
        assertThat(HandlingPolicy.forwardingRefusal(without, secret, "MA")).isEmpty();

        Envelope consentByFrance = TestParties.FR_SIGNER.sign(control("FR", ProtocolKinds.CONSENT, secret,
                EnvelopeJson.object().put("envelope", secret.id()).put("to", "ES"), List.of(secret.hash()), TestParties.NOW.plusSeconds(1)));
        assertThat(HandlingPolicy.forwardingRefusal(CaseThread.of(List.of(secret, consentByFrance)), secret, "ES")).isPresent();

        Envelope consent = TestParties.MA_SIGNER.sign(control("MA", ProtocolKinds.CONSENT, secret,
                EnvelopeJson.object().put("envelope", secret.id()).put("to", "ES"), List.of(secret.hash()), TestParties.NOW.plusSeconds(1)));
        CaseThread with = CaseThread.of(List.of(secret, consent));
        assertThat(HandlingPolicy.forwardingRefusal(with, secret, "ES")).isEmpty();
        assertThat(HandlingPolicy.forwardingRefusal(with, secret, "DZ")).isPresent();
    }

    private static EnvelopeDraft control(String from, String kind, Envelope target, tools.jackson.databind.JsonNode payload,
            List<String> parents, Instant at) {
        return new EnvelopeDraft(UuidV7.at(at).toString(), target.caseRef(), kind, from,
                List.of(from.equals("FR") ? "MA" : "FR"), parents, at, Handling.ROUTINE, payload, List.of());
    }

    /** A random DAG: each envelope names as parents a few earlier ones, from either party, some sent at the same instant. */
    private static List<Envelope> randomThread(Random random, int size) {
        List<Envelope> thread = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> parents = new ArrayList<>();
            for (Envelope earlier : thread) {
                if (random.nextInt(4) == 0) {
                    parents.add(earlier.hash());
                }
            }
            boolean french = random.nextBoolean();
            Instant at = TestParties.NOW.plusSeconds(random.nextInt(5));
            EnvelopeDraft draft = TestParties.note(french ? "FR" : "MA", french ? "MA" : "FR", "m" + i, parents, at,
                    Handling.ROUTINE);
            thread.add((french ? TestParties.FR_SIGNER : TestParties.MA_SIGNER).sign(draft));
        }
        return thread;
    }

    private static void assertParentsComeFirst(CaseThread thread) {
        List<String> seen = new ArrayList<>();
        for (Envelope e : thread.envelopes()) {
            assertThat(seen).containsAll(e.parents());
            seen.add(e.hash());
        }
    }
}
