package org.passerelle.server.minors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.support.TestSigners;
import org.passerelle.server.minors.MinorsKinds.AgeAssessment;
import org.passerelle.server.minors.MinorsKinds.ApprovalPayload;
import org.passerelle.server.minors.MinorsKinds.AssessmentPayload;
import org.passerelle.server.minors.MinorsKinds.CareArrangementPayload;
import org.passerelle.server.minors.MinorsKinds.CasePayload;
import org.passerelle.server.minors.MinorsKinds.DeterminationPayload;
import org.passerelle.server.minors.MinorsKinds.FollowUpPlanPayload;
import org.passerelle.server.minors.MinorsKinds.IdentificationPayload;
import org.passerelle.server.minors.MinorsKinds.JudgeDecisionPayload;
import org.passerelle.server.minors.MinorsKinds.Person;
import org.passerelle.server.minors.MinorsKinds.ReturnPayload;
import org.passerelle.server.minors.MinorsKinds.VisitPayload;

/** The pure state of a minor's thread: the safeguards a return needs, second-person approvals, follow-up. */
class MinorStateTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final EnvelopeSigner france = TestSigners.of("FR");
    private final EnvelopeSigner morocco = TestSigners.of("MA");
    private final CaseRef ref = new CaseRef(UuidV7.at(START).toString(), MinorsKinds.CASE_TYPE);
    private final List<Envelope> envelopes = new ArrayList<>();
    private Instant clock = START;

    private Envelope send(EnvelopeSigner from, String kind, Object payload) {
        clock = clock.plus(Duration.ofDays(1));
        Envelope envelope = from.sign(new EnvelopeDraft(UuidV7.at(clock).toString(), ref, kind, from.party(),
                List.of(from == france ? "MA" : "FR"), CaseThread.of(envelopes).heads(), clock, Minors.HANDLING,
                MinorsKinds.write(payload), List.of()));
        envelopes.add(envelope);
        return envelope;
    }

    private MinorState state() {
        return MinorState.of(CaseThread.of(envelopes));
    }

    private void record() {
        send(france, MinorsKinds.CASE, new CasePayload(new Person(List.of("Youssef El Amrani", "يوسف العمراني"), "M",
                "2010-05", "Tanger", "Mohamed", "Fatima"), new AgeAssessment("interview", "Minor, about 15"),
                "Juge des enfants de Paris", "ASE de Paris", null, "MNA-1A2B3C4D", "given"));
    }

    @Test
    void aReturnNeedsEverySafeguardAndNamesEachThatIsMissing() {
        record();
        assertThat(state().missingForReturn()).containsExactlyElementsOf(MinorState.SAFEGUARDS);
        send(morocco, MinorsKinds.IDENTIFICATION, new IdentificationPayload("identified", "R123", null));
        Envelope determination = send(france, MinorsKinds.DETERMINATION, new DeterminationPayload(DAY, List.of("A",
                "B"), "return-to-family", "The family is willing and the child wishes to go home.", "officer.one"));
        // Not yet approved by a second officer; the author's own approval counts for nothing.
        send(france, MinorsKinds.APPROVAL, new ApprovalPayload(determination.id(), "officer.one"));
        assertThat(state().missingForReturn()).containsExactly("best-interests-determination", "judge-decision",
                "care-arrangement", "follow-up-plan");
        send(france, MinorsKinds.APPROVAL, new ApprovalPayload(determination.id(), "officer.two"));
        assertThat(state().status()).isEqualTo(MinorStatus.DETERMINED);
        send(france, MinorsKinds.JUDGE_DECISION, new JudgeDecisionPayload(DAY, "return", "Retour autorisé."));
        // A centre place does not fit a determination for the family.
        send(morocco, MinorsKinds.CARE_ARRANGEMENT, new CareArrangementPayload("centre", null, "TNG-1", null));
        assertThat(state().missingForReturn()).containsExactly("care-arrangement", "follow-up-plan");
        // A return sent before every safeguard holds stays in the thread and moves nothing.
        send(france, MinorsKinds.RETURN_SCHEDULED, new ReturnPayload(DAY.plusDays(20)));
        assertThat(state().returnScheduledFor()).isNull();
        send(morocco, MinorsKinds.CARE_ARRANGEMENT, new CareArrangementPayload("family", DAY, null, null));
        send(morocco, MinorsKinds.FOLLOW_UP_PLAN, new FollowUpPlanPayload("Entraide nationale, Tanger",
                List.of("1", "3", "6", "12")));
        assertThat(state().missingForReturn()).isEmpty();
        send(france, MinorsKinds.RETURN_SCHEDULED, new ReturnPayload(DAY.plusDays(20)));
        assertThat(state().status()).isEqualTo(MinorStatus.RETURN_SCHEDULED);
        send(france, MinorsKinds.RETURNED, new ReturnPayload(DAY.plusDays(21)));
        send(morocco, MinorsKinds.FOLLOW_UP_VISIT, new VisitPayload("1", DAY.plusDays(50), "Scolarisé, en famille."));
        MinorState state = state();
        assertThat(state.status()).isEqualTo(MinorStatus.RETURNED);
        assertThat(state.overdueVisits(DAY.plusDays(21).plusMonths(3).plusDays(15))).containsExactly("3");
        assertThat(MinorsStatistics.visitsOnTime(state)).isEqualTo(1);
    }

    @Test
    void aStayDeterminationNeverOpensTheReturnAndStepsFromTheWrongSideCountForNothing() {
        record();
        // Identification is Morocco's to give: France sending it moves nothing.
        send(france, MinorsKinds.IDENTIFICATION, new IdentificationPayload("identified", null, null));
        assertThat(state().identification()).isNull();
        send(morocco, MinorsKinds.IDENTIFICATION, new IdentificationPayload("identified", null, null));
        Envelope assessment = send(france, MinorsKinds.ASSESSMENT, new AssessmentPayload(DAY, "Éducatrice ASE",
                "darija", "M. Haddad", "Souhaite rester", "Famille à Tanger", "Bonne", "CAP en cours", "Forte",
                "officer.one"));
        send(france, MinorsKinds.APPROVAL, new ApprovalPayload(assessment.id(), "officer.two"));
        assertThat(state().status()).isEqualTo(MinorStatus.ASSESSED);
        Envelope stay = send(france, MinorsKinds.DETERMINATION, new DeterminationPayload(DAY, List.of("A", "B"),
                "stay-in-france", "Apprenticeship under way; the family agrees.", "officer.one"));
        send(france, MinorsKinds.APPROVAL, new ApprovalPayload(stay.id(), "officer.three"));
        send(france, MinorsKinds.JUDGE_DECISION, new JudgeDecisionPayload(DAY, "stay", "Maintien en France."));
        assertThat(state().status()).isEqualTo(MinorStatus.STAYING);
        assertThat(state().missingForReturn()).contains("best-interests-determination", "judge-decision");
    }

    @Test
    void bothNodesReachTheSameStateWhateverOrderTheEnvelopesArrivedIn() {
        aReturnNeedsEverySafeguardAndNamesEachThatIsMissing();
        MinorState expected = state();
        Random random = new Random(18);
        for (int round = 0; round < 20; round++) {
            List<Envelope> shuffled = new ArrayList<>(envelopes);
            Collections.shuffle(shuffled, random);
            assertThat(MinorState.of(CaseThread.of(shuffled))).isEqualTo(expected);
        }
    }
}
