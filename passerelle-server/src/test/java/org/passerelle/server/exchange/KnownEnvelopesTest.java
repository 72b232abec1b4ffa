package org.passerelle.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.ProtocolKinds;
import org.passerelle.protocol.UuidV7;

/** What a receiver holds of a group's cases, as read and as the group's envelopes are placed. */
class KnownEnvelopesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final CaseRef CASE = new CaseRef(UuidV7.at(NOW).toString(), "information-request");
    private static final CaseRef OTHER_CASE = new CaseRef(UuidV7.at(NOW.plusSeconds(1)).toString(), "information-request");

    private final EnvelopeSigner france = signer();

    @Test
    void aCaseThreadHoldsItsStoredBusinessEnvelopesInOrderAndNothingElse() {
        Envelope first = envelope(CASE, "information-request.request", 0);
        Envelope held = envelope(CASE, "information-request.clarification", 1);
        Envelope receipt = envelope(CASE, ProtocolKinds.RECEIPT, 2);
        Envelope elsewhere = envelope(OTHER_CASE, "information-request.request", 3);
        KnownEnvelopes known = new KnownEnvelopes(List.of(row(first, EnvelopeState.STORED),
                row(held, EnvelopeState.HELD), row(receipt, EnvelopeState.STORED), row(elsewhere, EnvelopeState.STORED)));

        assertThat(known.thread(CASE.id())).containsExactly(first);
        assertThat(known.thread("no such case")).isEmpty();
        assertThat(known.byId(held.id())).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(EnvelopeState.HELD));
        assertThat(known.byId(receipt.id())).isPresent();
        assertThat(known.storedHash(elsewhere.hash())).isTrue();
        assertThat(known.storedHash(held.hash())).as("held is not stored").isFalse();
    }

    @Test
    void anEnvelopePlacedIsSeenByThoseAfterIt() {
        KnownEnvelopes known = new KnownEnvelopes(List.of());
        Envelope request = envelope(CASE, "information-request.request", 0);
        assertThat(known.byId(request.id())).isEmpty();

        known.add(row(request, EnvelopeState.STORED));
        Envelope follow = envelope(CASE, "information-request.clarification", 1);
        known.add(row(follow, EnvelopeState.STORED));

        assertThat(known.byId(request.id())).isPresent();
        assertThat(known.thread(CASE.id())).containsExactly(request, follow);
        assertThat(known.storedHash(follow.hash())).isTrue();
    }

    private static EnvelopeStore.Row row(Envelope envelope, EnvelopeState state) {
        return new EnvelopeStore.Row(envelope, true, state, NOW);
    }

    private Envelope envelope(CaseRef caseRef, String kind, int second) {
        Instant at = NOW.plusSeconds(second);
        return france.sign(new EnvelopeDraft(UuidV7.at(at).toString(), caseRef, kind, "FR", List.of("MA"), List.of(), at,
                Handling.ROUTINE, EnvelopeJson.object().put("text", "message " + second), List.of()));
    }

    private static EnvelopeSigner signer() {
        try {
            return new EnvelopeSigner("FR", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
