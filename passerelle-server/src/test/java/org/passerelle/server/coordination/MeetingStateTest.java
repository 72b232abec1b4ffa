package org.passerelle.server.coordination;

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
import org.passerelle.server.coordination.CoordinationKinds.Action;
import org.passerelle.server.coordination.CoordinationKinds.AgendaItem;
import org.passerelle.server.coordination.CoordinationKinds.ApprovalPayload;
import org.passerelle.server.coordination.CoordinationKinds.DecisionPayload;
import org.passerelle.server.coordination.CoordinationKinds.MeetingPayload;
import org.passerelle.server.coordination.CoordinationKinds.MinutesPayload;
import org.passerelle.server.coordination.CoordinationKinds.Participant;
import org.passerelle.server.coordination.CoordinationKinds.ProgressPayload;
import tools.jackson.databind.node.ObjectNode;

/** The pure state of a meeting's thread, on threads built by hand. */
class MeetingStateTest {

    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final LocalDate MEETING_DAY = LocalDate.of(2026, 5, 20);

    private final EnvelopeSigner france = TestSigners.of("FR");
    private final EnvelopeSigner morocco = TestSigners.of("MA");
    private final CaseRef ref = new CaseRef(UuidV7.at(START).toString(), CoordinationKinds.CASE_TYPE);
    private final List<Envelope> envelopes = new ArrayList<>();
    private Instant clock = START;

    private Envelope send(EnvelopeSigner from, String kind, ObjectNode payload) {
        clock = clock.plus(Duration.ofHours(5));
        Envelope envelope = from.sign(new EnvelopeDraft(UuidV7.at(clock).toString(), ref, kind, from.party(),
                List.of(from == france ? "MA" : "FR"), CaseThread.of(envelopes).heads(), clock, Coordination.HANDLING,
                payload, List.of()));
        envelopes.add(envelope);
        return envelope;
    }

    private MeetingState state() {
        return MeetingState.of(CaseThread.of(envelopes));
    }

    private Envelope callMeeting() {
        return send(france, CoordinationKinds.MEETING, new MeetingPayload(MeetingType.PLENARY, "Plénière de mai",
                MEETING_DAY, "Rabat", List.of(new Participant("FR", "Claire Martin", "DGEF"),
                        new Participant("MA", "خالد الزموري", "مدير الهجرة")),
                List.of(new AgendaItem("Bilan des laissez-passer", false),
                        new AgendaItem("Mission conjointe d'identification", true))).toJson());
    }

    @Test
    void minutesAreApprovedOnlyWhenBothCoChairsApproveTheLatestVersion() {
        callMeeting();
        assertThat(state().status()).isEqualTo(MeetingState.Status.PREPARING);
        Envelope first = send(france, CoordinationKinds.MINUTES, new MinutesPayload("Version 1", "الصيغة 1").toJson());
        send(france, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(first.id(), "Claire Martin").toJson());
        assertThat(state().status()).isEqualTo(MeetingState.Status.MINUTES_AWAITING_APPROVAL);
        assertThat(state().approvedBy("FR")).isTrue();
        // Morocco asks for a change: a new version sets France's approval aside.
        Envelope second = send(morocco, CoordinationKinds.MINUTES, new MinutesPayload("Version 2", "الصيغة 2").toJson());
        assertThat(state().approvedBy("FR")).isFalse();
        assertThat(state().minutesVersions()).isEqualTo(2);
        // An approval naming the old version counts for nothing.
        send(morocco, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(first.id(), "Khalid").toJson());
        assertThat(state().approvedBy("MA")).isFalse();
        send(morocco, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(second.id(), "Khalid").toJson());
        assertThat(state().status()).isEqualTo(MeetingState.Status.MINUTES_AWAITING_APPROVAL);
        send(france, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(second.id(), "Claire Martin").toJson());
        assertThat(state().status()).isEqualTo(MeetingState.Status.MINUTES_APPROVED);
        assertThat(state().minutes().french()).isEqualTo("Version 2");
    }

    @Test
    void decisionsBecomeActionItemsThatProgressAndFallOverdue() {
        callMeeting();
        send(morocco, CoordinationKinds.AGENDA_ITEM, new AgendaItem("Réunion avec les consuls", true).toJson());
        Envelope withAction = send(france, CoordinationKinds.DECISION, new DecisionPayload(
                "Lancer la mission conjointe", "Mission conjointe d'identification",
                new Action("MA", "DGSN — Identification", MEETING_DAY.plusDays(30)),
                List.of("readmission.days-to-answer")).toJson());
        Envelope noAction = send(morocco, CoordinationKinds.DECISION,
                new DecisionPayload("Prendre acte du bilan", null, null, List.of()).toJson());
        send(morocco, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload(withAction.id(), ActionStatus.IN_PROGRESS, "Équipe désignée").toJson());
        // Progress on a decision without an action, or on no decision at all, moves nothing.
        send(france, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload(noAction.id(), ActionStatus.DONE, null).toJson());
        send(france, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload("no-such-decision", ActionStatus.DONE, null).toJson());
        MeetingState state = state();
        assertThat(state.agenda()).hasSize(3);
        assertThat(state.agenda().get(2).addedBy()).isEqualTo("MA");
        MeetingState.Decision decision = state.decision(withAction.id()).orElseThrow();
        assertThat(decision.actionStatus()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(decision.progress()).hasSize(1);
        assertThat(decision.overdueOn(MEETING_DAY.plusDays(30))).isFalse();
        assertThat(decision.overdueOn(MEETING_DAY.plusDays(31))).isTrue();
        assertThat(state.decision(noAction.id()).orElseThrow().action()).isNull();
        send(morocco, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload(withAction.id(), ActionStatus.DONE, "Mission lancée").toJson());
        assertThat(state().decision(withAction.id()).orElseThrow().overdueOn(MEETING_DAY.plusDays(31))).isFalse();
    }

    @Test
    void bothNodesReachTheSameStateWhateverOrderTheEnvelopesArrivedIn() {
        callMeeting();
        Envelope decision = send(france, CoordinationKinds.DECISION, new DecisionPayload("Décision", null,
                new Action("FR", "DGEF", MEETING_DAY.plusDays(10)), List.of()).toJson());
        Envelope minutes = send(morocco, CoordinationKinds.MINUTES, new MinutesPayload("CR", "محضر").toJson());
        send(france, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(minutes.id(), "Claire").toJson());
        send(morocco, CoordinationKinds.ACTION_PROGRESS,
                new ProgressPayload(decision.id(), ActionStatus.DONE, null).toJson());
        send(morocco, CoordinationKinds.MINUTES_APPROVED, new ApprovalPayload(minutes.id(), "Khalid").toJson());
        MeetingState expected = state();
        Random random = new Random(19);
        for (int round = 0; round < 20; round++) {
            List<Envelope> shuffled = new ArrayList<>(envelopes);
            Collections.shuffle(shuffled, random);
            assertThat(MeetingState.of(CaseThread.of(shuffled))).isEqualTo(expected);
        }
        assertThat(expected.status()).isEqualTo(MeetingState.Status.MINUTES_APPROVED);
    }
}
