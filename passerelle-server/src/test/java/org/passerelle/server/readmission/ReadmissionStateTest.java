package org.passerelle.server.readmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.support.TestSigners;
import tools.jackson.databind.node.ObjectNode;

/** The pure state of a readmission thread and the statistics over such states, on threads built by hand. */
class ReadmissionStateTest {

    private static final ReadmissionProfile PROFILE = new ReadmissionProfile(Duration.ofDays(25), Duration.ofDays(60),
            List.of(4, 30, 60, 75, 90), Duration.ofDays(7), "FR", "MA",
            List.of(new ReadmissionProfile.Consulate("PARIS", Map.of("fr", "Paris"), List.of("75")),
                    new ReadmissionProfile.Consulate("LYON", Map.of("fr", "Lyon"), List.of("69"))),
            List.of(new ReadmissionProfile.Prefecture("75", "Paris"), new ReadmissionProfile.Prefecture("69", "Rhône")));
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final EnvelopeSigner france = TestSigners.of("FR");
    private final EnvelopeSigner morocco = TestSigners.of("MA");

    /** A thread under construction: envelopes in the order they were sent, each after the heads its sender knew. */
    private final class Thread {
        final CaseRef ref = new CaseRef(UuidV7.at(START).toString(), ReadmissionKinds.CASE_TYPE);
        final List<Envelope> envelopes = new ArrayList<>();
        Instant clock = START;

        Envelope send(EnvelopeSigner from, String kind, ObjectNode payload) {
            return sendAfter(from, kind, payload, CaseThread.of(envelopes).heads());
        }

        Envelope sendAfter(EnvelopeSigner from, String kind, ObjectNode payload, List<String> parents) {
            clock = clock.plus(Duration.ofDays(1));
            Envelope envelope = from.sign(new EnvelopeDraft(UuidV7.at(clock).toString(), ref, kind, from.party(),
                    List.of(from == france ? "MA" : "FR"), parents, clock, Readmissions.HANDLING, payload, List.of()));
            envelopes.add(envelope);
            return envelope;
        }

        ReadmissionState state() {
            return ReadmissionState.of(CaseThread.of(envelopes), PROFILE);
        }
    }

    private static ObjectNode request(String prefecture, LocalDate detentionEnd) {
        return new ReadmissionKinds.RequestPayload(prefecture, "75".equals(prefecture) ? "PARIS" : "LYON",
                new ReadmissionKinds.Person(List.of("Karim Ouafi", "كريم الوافي"), "M", "1990-03", "Fès", "Ahmed",
                        "Fatima", List.of("arabe"), null),
                "OQTF-1", LocalDate.of(2026, 2, 20), "CRA de Vincennes", LocalDate.of(2026, 3, 1), detentionEnd).toJson();
    }

    private static ObjectNode text(String text) {
        return new ReadmissionKinds.TextPayload(text).toJson();
    }

    private static ObjectNode laissezPasser(String number, Instant at, int days) {
        LocalDate issued = at.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        return new ReadmissionKinds.LaissezPasserPayload(number, issued, issued.plusDays(days), "PLP1.x.y").toJson();
    }

    @Test
    void theWorkflowMovesOnlyOnStepsItAllows() {
        Thread t = new Thread();
        t.send(france, ReadmissionKinds.REQUEST, request("75", LocalDate.of(2026, 5, 29)));
        assertThat(t.state().status()).isEqualTo(ReadmissionStatus.SUBMITTED);
        t.send(france, ReadmissionKinds.IDENTIFIED, new ReadmissionKinds.IdentifiedPayload("MA1", null).toJson());
        assertThat(t.state().status()).as("France cannot identify").isEqualTo(ReadmissionStatus.SUBMITTED);
        assertThat(t.state().steps().getLast().refused()).isTrue();
        t.send(morocco, ReadmissionKinds.INFORMATION_NEEDED, text("Which village?"));
        assertThat(t.state().status()).isEqualTo(ReadmissionStatus.INFORMATION_NEEDED);
        assertThat(t.state().question()).isEqualTo("Which village?");
        t.send(france, ReadmissionKinds.INFORMATION, text("Ain Chkef"));
        t.send(morocco, ReadmissionKinds.IDENTIFIED, new ReadmissionKinds.IdentifiedPayload("MA000000001", null)
                .toJson());
        ReadmissionState identified = t.state();
        assertThat(identified.status()).isEqualTo(ReadmissionStatus.IDENTIFIED);
        assertThat(identified.personId()).isEqualTo("MA000000001");
        assertThat(identified.answeredAt()).isEqualTo(t.clock);
        assertThat(identified.firstReplyAt()).isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(identified.waitingOn()).contains("MA");
    }

    @Test
    void aSecondLaissezPasserWhileOneIsValidAndAFlightAfterItsExpiryMoveNothing() {
        Thread t = new Thread();
        t.send(france, ReadmissionKinds.REQUEST, request("75", LocalDate.of(2026, 5, 29)));
        t.send(morocco, ReadmissionKinds.IDENTIFIED, new ReadmissionKinds.IdentifiedPayload(null, null).toJson());
        t.send(morocco, ReadmissionKinds.LAISSEZ_PASSER, laissezPasser("LP-1", t.clock, 60));
        t.send(morocco, ReadmissionKinds.LAISSEZ_PASSER, laissezPasser("LP-2", t.clock, 60));
        ReadmissionState state = t.state();
        assertThat(state.laissezPassers()).extracting(ReadmissionState.LaissezPasser::number).containsExactly("LP-1");
        assertThat(state.steps().getLast().refused()).isTrue();

        LocalDate validUntil = state.laissezPasser().orElseThrow().validUntil();
        t.send(france, ReadmissionKinds.REMOVAL_SCHEDULED,
                new ReadmissionKinds.FlightPayload(validUntil.plusDays(1), null).toJson());
        assertThat(t.state().status()).isEqualTo(ReadmissionStatus.LAISSEZ_PASSER_ISSUED);
        t.send(france, ReadmissionKinds.REMOVAL_SCHEDULED, new ReadmissionKinds.FlightPayload(validUntil, "PAF")
                .toJson());
        assertThat(t.state().status()).isEqualTo(ReadmissionStatus.REMOVAL_SCHEDULED);

        t.send(morocco, ReadmissionKinds.LAISSEZ_PASSER_REVOKED,
                new ReadmissionKinds.RevocationPayload("LP-1", "Flight cancelled").toJson());
        assertThat(t.state().status()).isEqualTo(ReadmissionStatus.IDENTIFIED);
        t.send(morocco, ReadmissionKinds.LAISSEZ_PASSER, laissezPasser("LP-3", t.clock, 60));
        assertThat(t.state().laissezPassers()).extracting(ReadmissionState.LaissezPasser::number)
                .containsExactly("LP-1", "LP-3");
        assertThat(t.state().laissezPassers().getFirst().revoked()).isTrue();
    }

    @Test
    void theClocksFollowTheProfile() {
        Thread t = new Thread();
        t.send(france, ReadmissionKinds.REQUEST, request("75", LocalDate.of(2026, 3, 20)));
        ReadmissionState state = t.state();
        assertThat(state.dueAt()).isEqualTo(state.openedAt().plus(Duration.ofDays(25)));
        assertThat(state.overdueAt(state.dueAt().plusSeconds(1))).isTrue();
        assertThat(state.overdueAt(state.dueAt())).isFalse();
        assertThat(state.atRiskOn(LocalDate.of(2026, 3, 4), PROFILE))
                .as("the reply falls due after the detention ends").isTrue();
        assertThat(state.nextDetentionReview(LocalDate.of(2026, 3, 4), PROFILE)).contains(LocalDate.of(2026, 3, 5));
        assertThat(state.nextDetentionReview(LocalDate.of(2026, 3, 6), PROFILE)).isEmpty();
    }

    @Test
    void theSameEnvelopesGiveTheSameFiguresWhateverOrderTheyArrivedIn() {
        Random random = new Random(20261203);
        SyntheticReadmissions synthetic = new SyntheticReadmissions(PROFILE);
        List<List<Envelope>> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cases.add(synthetic.randomCase(random, START.plus(Duration.ofDays(random.nextInt(280)))));
        }
        YearMonth from = YearMonth.of(2026, 1);
        YearMonth to = YearMonth.of(2026, 12);
        ReadmissionStatistics.Report expected = report(cases, from, to, new Random(1));
        assertThat(expected.total().requests()).isEqualTo(60);
        assertThat(expected.total().identified()).isPositive();
        for (int round = 0; round < 20; round++) {
            assertThat(report(cases, from, to, new Random(round + 2))).isEqualTo(expected);
        }
        assertThat(StatisticsCsv.of(report(cases, from, to, new Random(99)))).isEqualTo(StatisticsCsv.of(expected));
    }

    /** The statistics of the cases, each thread's envelopes shuffled as a node may have received them. */
    private static ReadmissionStatistics.Report report(List<List<Envelope>> cases, YearMonth from, YearMonth to,
            Random order) {
        List<ReadmissionStatistics.Case> counted = new ArrayList<>();
        for (List<Envelope> envelopes : cases) {
            List<Envelope> received = new ArrayList<>(envelopes);
            Collections.shuffle(received, order);
            counted.add(ReadmissionStatistics.Case.of(ReadmissionState.of(CaseThread.of(received), PROFILE)));
        }
        Collections.shuffle(counted, order);
        return ReadmissionStatistics.of(counted, from, to);
    }
}
