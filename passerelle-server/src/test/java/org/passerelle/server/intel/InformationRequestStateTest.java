package org.passerelle.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.UuidV7;
import tools.jackson.databind.node.ObjectNode;

/** The state function of an information request, on threads built by hand. */
class InformationRequestStateTest {

    private static final AgreementProfile PROFILE = new AgreementProfile(Duration.ofHours(8),
            Duration.ofDays(3), Duration.ofDays(7));
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private static final CaseRef CASE = new CaseRef(UuidV7.at(START).toString(), InformationRequestKinds.CASE_TYPE);

    private final EnvelopeSigner france = signer("FR");
    private final EnvelopeSigner morocco = signer("MA");
    private final List<Envelope> thread = new ArrayList<>();

    @Test
    void requestsOpenedInTheSameMillisecondHaveDifferentReferences() {
        Instant now = Instant.parse("2026-11-30T09:30:00Z");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            references.add(InformationRequestState.reference(UuidV7.at(now).toString()));
        }
        assertThat(references).doesNotHaveDuplicates().allSatisfy(r -> assertThat(r).matches("IR-[0-9A-F]{8}"));
    }

    @Test
    void onlyTheResponderAnswersAndOnlyTheRequesterClarifies() {
        send(france, InformationRequestKinds.REQUEST, "MA", "Who holds this line?");
        send(france, InformationRequestKinds.ANSWER, "MA", "The requester answering itself");
        assertThat(state().status()).isEqualTo(RequestStatus.AWAITING_ANSWER);

        send(morocco, InformationRequestKinds.QUESTION, "FR", "Which line?");
        send(morocco, InformationRequestKinds.CLARIFICATION, "FR", "The responder clarifying for the requester");
        assertThat(state().status()).isEqualTo(RequestStatus.QUESTION_ASKED);

        send(france, InformationRequestKinds.CLARIFICATION, "MA", "+212 6 61 23 45 67");
        assertThat(state().status()).isEqualTo(RequestStatus.AWAITING_ANSWER);
        send(morocco, InformationRequestKinds.ANSWER, "FR", "A company in Tetouan");
        assertThat(state().status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(state().messages()).as("every message stays in the thread").hasSize(6);
    }

    private InformationRequestState state() {
        return InformationRequestState.of(CaseThread.of(thread), PROFILE);
    }

    private void send(EnvelopeSigner from, String kind, String to, String text) {
        Instant at = START.plusSeconds(thread.size());
        ObjectNode payload = kind.equals(InformationRequestKinds.REQUEST)
                ? EnvelopeJson.object().put("subject", text).put("question", text).put("urgency", "NORMAL")
                : EnvelopeJson.object().put("text", text);
        List<String> parents = thread.isEmpty() ? List.of() : List.of(thread.getLast().hash());
        thread.add(from.sign(new EnvelopeDraft(UuidV7.at(at).toString(), CASE, kind, from.party(), List.of(to),
                parents, at, new Handling(HandlingCode.H0, 'B', 2, null), payload, List.of())));
    }

    private static EnvelopeSigner signer(String party) {
        try {
            return new EnvelopeSigner(party, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
