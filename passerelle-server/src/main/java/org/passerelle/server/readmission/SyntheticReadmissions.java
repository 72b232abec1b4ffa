package org.passerelle.server.readmission;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.protocol.EnvelopeDraft;
import org.passerelle.protocol.EnvelopeSigner;
import org.passerelle.protocol.UuidV7;
import tools.jackson.databind.node.ObjectNode;

/**
 * Readmission threads made up at random, for benchmarks and tests that need many cases without playing them through
 * two nodes: each a request, then the steps of a real case taken somewhere along the way, some sent by both sides at
 * once (after the same parent). Signed with keys of their own, which no node trusts.
 */
public final class SyntheticReadmissions {

    private static final String[] PREFECTURES = {"75", "93", "92", "94", "13", "69", "59", "33", "31", "67"};

    private final EnvelopeSigner france = signer("FR");
    private final EnvelopeSigner morocco = signer("MA");
    private final ReadmissionProfile profile;

    public SyntheticReadmissions(ReadmissionProfile profile) {
        this.profile = profile;
    }

    /** A case filed at {@code filed}, its steps days apart, as far along its path as chance takes it. */
    public List<Envelope> randomCase(Random random, Instant filed) {
        Thread t = new Thread(filed);
        String prefecture = PREFECTURES[random.nextInt(PREFECTURES.length)];
        String consulate = profile.consulateFor(prefecture).map(ReadmissionProfile.Consulate::code).orElse("PARIS");
        LocalDate day = filed.atOffset(ZoneOffset.UTC).toLocalDate();
        t.send(france, ReadmissionKinds.REQUEST, new ReadmissionKinds.RequestPayload(prefecture, consulate,
                new ReadmissionKinds.Person(List.of("Karim Ouafi " + random.nextInt(100_000), "كريم الوافي"), "M",
                        Integer.toString(1970 + random.nextInt(30)), "Fès", "Ahmed", "Fatima", List.of("arabe"), null),
                "OQTF-" + random.nextInt(1_000_000), day.minusDays(10), "CRA de Vincennes", day.minusDays(1),
                day.plusDays(20 + random.nextInt(70))).toJson());
        int depth = random.nextInt(6);
        if (depth == 0) {
            return t.envelopes;
        }
        List<String> heads = CaseThread.of(t.envelopes).heads();
        if (random.nextBoolean()) {
            // France reminds while Morocco decides: the two steps cross.
            t.sendAfter(france, ReadmissionKinds.REMINDER, new ReadmissionKinds.TextPayload("Detention ends soon")
                    .toJson(), heads);
        }
        t.at = t.at.plus(Duration.ofDays(random.nextInt(40)));
        if (random.nextInt(4) == 0) {
            t.sendAfter(morocco, ReadmissionKinds.NOT_IDENTIFIED, new ReadmissionKinds.TextPayload("No record").toJson(),
                    heads);
            return t.envelopes;
        }
        t.sendAfter(morocco, ReadmissionKinds.IDENTIFIED, new ReadmissionKinds.IdentifiedPayload(null, null).toJson(),
                heads);
        if (depth == 1) {
            return t.envelopes;
        }
        LocalDate issued = t.at.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        t.send(morocco, ReadmissionKinds.LAISSEZ_PASSER, new ReadmissionKinds.LaissezPasserPayload(
                "LP-" + random.nextInt(1_000_000), issued, issued.plusDays(60), "PLP1.x.y").toJson());
        if (depth == 2) {
            return t.envelopes;
        }
        LocalDate flight = issued.plusDays(5);
        t.send(france, ReadmissionKinds.REMOVAL_SCHEDULED, new ReadmissionKinds.FlightPayload(flight, "PAF").toJson());
        if (depth == 3) {
            return t.envelopes;
        }
        boolean removed = random.nextBoolean();
        t.send(france, removed ? ReadmissionKinds.REMOVED : ReadmissionKinds.REMOVAL_FAILED,
                new ReadmissionKinds.OutcomePayload(flight, removed ? null : random.nextBoolean()
                        ? RemovalFailure.REFUSED_TO_BOARD : RemovalFailure.MEDICAL, null).toJson());
        return t.envelopes;
    }

    /** A thread being written: each envelope a day after the last, after the heads its sender knows. */
    private static final class Thread {
        final CaseRef ref;
        final List<Envelope> envelopes = new ArrayList<>();
        Instant at;

        Thread(Instant filed) {
            this.ref = new CaseRef(UuidV7.at(filed).toString(), ReadmissionKinds.CASE_TYPE);
            this.at = filed.minus(Duration.ofDays(1));
        }

        void send(EnvelopeSigner from, String kind, ObjectNode payload) {
            sendAfter(from, kind, payload, CaseThread.of(envelopes).heads());
        }

        void sendAfter(EnvelopeSigner from, String kind, ObjectNode payload, List<String> parents) {
            at = at.plus(Duration.ofDays(1));
            envelopes.add(from.sign(new EnvelopeDraft(UuidV7.at(at).toString(), ref, kind, from.party(),
                    List.of("FR".equals(from.party()) ? "MA" : "FR"), parents, at, Readmissions.HANDLING, payload,
                    List.of())));
        }
    }

    private static EnvelopeSigner signer(String party) {
        try {
            return new EnvelopeSigner(party, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }
}
