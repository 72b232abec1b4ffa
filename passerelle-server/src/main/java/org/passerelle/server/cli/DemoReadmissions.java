package org.passerelle.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;
import org.passerelle.server.readmission.NewReadmissionRequest;
import org.passerelle.server.readmission.ReadmissionStatus;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.shared.Viewer;

/**
 * A year of readmission between the demo nodes, exchanged for real: a synthetic Moroccan civil registry of 100,000
 * persons imported into Morocco's node, then about 300 requests from fifteen prefectures, filed over the last twelve
 * months and taken through identification, laissez-passers, flights and their outcomes as the steps fall due, some
 * late, some failed, the newest still waiting. The nodes share a clock wound back a year, so that each envelope is
 * signed at its step's moment; every step goes through the readmission service of the node that takes it, as the
 * node itself (no user's name in the audit log for what nobody did). Played once, on the demo folder's first run.
 */
final class DemoReadmissions {

    static final int REGISTRY_SIZE = 100_000;
    private static final int REQUESTS = 300;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Prefectures by their share of requests: the big ones file most. */
    private static final String[] PREFECTURES = {"75", "75", "75", "93", "93", "93", "92", "92", "94", "94", "95",
        "13", "13", "13", "69", "69", "59", "59", "33", "31", "67", "34", "06", "45", "35"};
    private static final String[] FAILURES = {"refused-to-board", "refused-to-board", "refused-to-board",
        "released-by-judge", "released-by-judge", "asylum-claim", "medical", "flight-cancelled", "other"};

    private final Readmissions france;
    private final Readmissions morocco;
    private final Registry registry;
    private final DemoClock clock;
    private final PrintWriter out;
    private final Viewer node = Viewer.node();

    DemoReadmissions(Readmissions france, Readmissions morocco, Registry registry, DemoClock clock, PrintWriter out) {
        this.france = france;
        this.morocco = morocco;
        this.registry = registry;
        this.clock = clock;
        this.out = out;
    }

    /**
     * One step of the history: when, on which node, in which status that node must see the case first (null for the
     * filing itself), and what it does with the case's id (none yet for the filing, which returns it).
     */
    private record Step(Instant at, int order, Readmissions on, String caseKey, ReadmissionStatus expected,
            UnaryOperator<String> action) {
    }

    /** Plays the history once: a demo folder whose French node already holds readmission cases is left as it is. */
    void playOnce(Path dir) throws IOException {
        if (france.list(node, null, Readmissions.ListFlag.ALL, null, 1, 1).total() > 0) {
            return;
        }
        Path files = dir.resolve("registry");
        if (registry.size(IdentityBook.CIVIL_REGISTRY) == 0) {
            out.printf(Locale.ROOT, "Writing a synthetic civil registry of %,d persons...%n", REGISTRY_SIZE);
            out.flush();
            new SyntheticRegistry().write(files, REGISTRY_SIZE, REQUESTS + 60, 0.12, QueryNoise.REQUEST, 2026, null);
            out.println("Importing it into Morocco's node and indexing it...");
            out.flush();
            registry.importFile(node, files.resolve(SyntheticRegistry.REGISTRY), (read, total, kept, refused) -> { });
            registry.catchUp(IdentityBook.CIVIL_REGISTRY);
        }
        List<PersonRecord> persons = persons(files);
        Instant now = Instant.now();
        Instant start = now.minus(365, ChronoUnit.DAYS);
        List<Step> steps = plan(persons, start, now, new Random(17));
        out.printf(Locale.ROOT, "Playing a year of readmission (%d requests, %d steps) between the two nodes...%n",
                REQUESTS, steps.size());
        out.flush();
        clock.rewindTo(start);
        Map<String, String> caseIds = new HashMap<>();
        try {
            for (Step step : steps) {
                clock.advanceTo(step.at());
                String caseId = caseIds.get(step.caseKey());
                if (step.expected() != null) {
                    until(() -> status(step.on(), caseId) == step.expected());
                }
                caseIds.put(step.caseKey(), step.action().apply(caseId));
            }
        } finally {
            clock.live();
        }
        out.println("Readmission history played.");
        out.flush();
    }

    private ReadmissionStatus status(Readmissions on, String caseId) {
        return on.deliveries(node, caseId).map(view -> view.state().status()).orElse(null);
    }

    /**
     * The steps of every case, in time order. Each case's path is drawn at random with the shares practitioners
     * report: most answers within the agreement's 25 days, a third later, some never; most persons identified, the
     * absent ones not; most laissez-passers used, a quarter of flights failing. Steps that would fall after today are
     * left out, so the newest cases wait at every stage.
     */
    private List<Step> plan(List<PersonRecord> persons, Instant start, Instant now, Random random) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < REQUESTS && i < persons.size(); i++) {
            PersonRecord person = persons.get(i);
            long slot = 350L * 24 * 60 / REQUESTS;
            Instant filedAt = start.plus(Duration.ofMinutes(i * slot + random.nextLong(slot)));
            String prefecture = PREFECTURES[random.nextInt(PREFECTURES.length)];
            LocalDate day = filedAt.atOffset(ZoneOffset.UTC).toLocalDate();
            LocalDate detentionStart = day.minusDays(1 + random.nextInt(4));
            LocalDate detentionEnd = detentionStart.plusDays(28 + random.nextInt(62));
            boolean rejectedAsylum = random.nextInt(5) == 0;
            NewReadmissionRequest request = new NewReadmissionRequest(prefecture, person.names(),
                    person.sex().csv().isEmpty() ? "M" : person.sex().csv(),
                    person.birthDates().isEmpty() ? null : person.birthDates().get(0).toString(), person.birthPlace(),
                    person.fatherName(), person.motherName(),
                    random.nextInt(3) == 0 ? List.of("arabe", "tamazight") : List.of("arabe", "français"), null,
                    "OQTF-" + prefecture + "-" + day.getYear() + "-" + String.format(Locale.ROOT, "%05d", 1000 + i),
                    day.minusDays(3 + random.nextInt(20)).toString(), centre(prefecture), detentionStart.toString(),
                    detentionEnd.toString(), rejectedAsylum ? "rejected" : "none",
                    rejectedAsylum ? day.minusDays(30 + random.nextInt(200)).toString() : null);
            new CasePlan(steps, "case-" + i, random).play(person, request, filedAt, detentionEnd);
        }
        return steps.stream().filter(s -> s.at().isBefore(now.minus(Duration.ofMinutes(5))))
                .sorted(Comparator.comparing(Step::at).thenComparing(Step::order)).toList();
    }

    /** The steps of one case, each after the one before, knowing the status each leaves the case in. */
    private final class CasePlan {
        private final List<Step> steps;
        private final String key;
        private final Random random;
        private ReadmissionStatus status;

        CasePlan(List<Step> steps, String key, Random random) {
            this.steps = steps;
            this.key = key;
            this.random = random;
        }

        private void step(Instant at, Readmissions on, ReadmissionStatus after, Consumer<String> action) {
            steps.add(new Step(at, steps.size(), on, key, status, id -> {
                action.accept(id);
                return id;
            }));
            status = after;
        }

        void play(PersonRecord person, NewReadmissionRequest request, Instant filedAt, LocalDate detentionEnd) {
            steps.add(new Step(filedAt, steps.size(), france, key, null, none -> france.file(node, request, List.of())));
            status = ReadmissionStatus.SUBMITTED;
            boolean present = !person.id().startsWith(ABSENT);
            Instant at = filedAt;
            if (random.nextInt(3) == 0) {
                at = at.plus(days(8, 18));
                step(at, france, status, id -> france.remind(node, id, "La rétention prend fin le " + detentionEnd
                        + " : merci de nous indiquer où en est l'identification."));
            }
            if (random.nextInt(10) == 0) {
                at = at.plus(days(2, 8));
                step(at, morocco, ReadmissionStatus.INFORMATION_NEEDED, id -> morocco.askInformation(node, id,
                        "Merci de préciser le quartier ou le douar de naissance et le nom complet de la mère."));
                at = at.plus(days(1, 4));
                step(at, france, ReadmissionStatus.SUBMITTED, id -> france.answerQuestion(node, id,
                        "Né au douar Ouled Ali, commune rurale ; mère : " + person.motherName() + "."));
            }
            if (present && random.nextInt(16) == 0) {
                at = at.plus(days(3, 9));
                LocalDate interview = at.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(5 + random.nextInt(7));
                step(at, morocco, ReadmissionStatus.INTERVIEW, id -> morocco.callInterview(node, id,
                        interview.toString(), "CRA — audition consulaire", null));
                at = interview.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(15));
            }
            int answer = random.nextInt(100);
            if (answer < 10) {
                return; // never answered
            }
            if (random.nextInt(25) == 0) {
                step(at.plus(days(5, 20)), france, ReadmissionStatus.WITHDRAWN, id -> france.withdraw(node, id,
                        "Libéré par le juge des libertés et de la détention."));
                return;
            }
            at = at.plus(answer < 62 ? days(2, 24) : days(26, 55));
            if (!present || random.nextInt(7) == 0) {
                step(at, morocco, ReadmissionStatus.NOT_IDENTIFIED, id -> morocco.notIdentified(node, id,
                        "Aucune inscription correspondante à l'état civil ; les empreintes ne figurent pas au fichier."));
                return;
            }
            step(at, morocco, ReadmissionStatus.IDENTIFIED, id -> morocco.identify(node, id, person.id(),
                    "Identifié à l'état civil et par ses parents."));
            at = at.plus(days(1, 9));
            step(at, morocco, ReadmissionStatus.LAISSEZ_PASSER_ISSUED, id -> morocco.issueLaissezPasser(node, id));
            if (random.nextInt(10) == 0) {
                return; // issued, no flight yet
            }
            if (random.nextInt(20) == 0) {
                at = at.plus(days(2, 6));
                step(at, morocco, ReadmissionStatus.IDENTIFIED, id -> morocco.revokeLaissezPasser(node, id,
                        "Vol annulé : laissez-passer à rééditer."));
                at = at.plus(days(2, 6));
                step(at, morocco, ReadmissionStatus.LAISSEZ_PASSER_ISSUED, id -> morocco.issueLaissezPasser(node, id));
            }
            at = at.plus(days(1, 8));
            LocalDate flight = at.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(3 + random.nextInt(15));
            step(at, france, ReadmissionStatus.REMOVAL_SCHEDULED, id -> france.scheduleRemoval(node, id,
                    flight.toString(), "PAF — escorte de deux fonctionnaires"));
            Instant flightTime = flight.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(14));
            if (random.nextInt(100) < 73) {
                step(flightTime, france, ReadmissionStatus.REMOVED, id -> france.recordRemoved(node, id,
                        flight.toString(), null));
            } else {
                String reason = FAILURES[random.nextInt(FAILURES.length)];
                step(flightTime, france, ReadmissionStatus.REMOVAL_FAILED, id -> france.recordFailure(node, id,
                        flight.toString(), reason, null));
            }
        }

        private Duration days(int from, int to) {
            return Duration.ofHours(24L * from + random.nextInt(24 * (to - from + 1)));
        }
    }

    /** The id given to a person the registry does not hold. */
    private static final String ABSENT = "absent-";

    private static String centre(String prefecture) {
        return switch (prefecture) {
            case "13", "06", "34" -> "CRA de Marseille";
            case "69" -> "CRA de Lyon Saint-Exupéry";
            case "59" -> "CRA de Lesquin";
            case "33" -> "CRA de Bordeaux";
            case "31" -> "CRA de Cornebarrieu";
            case "67" -> "CRA de Geispolsheim";
            case "35", "45" -> "CRA de Rennes Saint-Jacques";
            case "93", "94" -> "CRA du Mesnil-Amelot";
            default -> "CRA de Paris-Vincennes";
        };
    }

    /** The synthetic queries, the persons the prefectures ask about: adults only, those absent from the registry too. */
    private static List<PersonRecord> persons(Path files) throws IOException {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(files.resolve(SyntheticRegistry.TRUTH));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            truth.put(cells[0], cells[1]);
        }
        List<PersonRecord> persons = new ArrayList<>();
        try (InputStream in = Files.newInputStream(files.resolve(SyntheticRegistry.QUERIES))) {
            RecordCsv.read(in, SyntheticRegistry.QUERIES, RecordCsv.Kind.QUERIES, query -> {
                if (query.birthDates().isEmpty() || query.birthDates().get(0).year() <= 2004) {
                    String registryId = truth.get(query.id());
                    persons.add(new PersonRecord(registryId == null || registryId.isEmpty() ? ABSENT + query.id()
                            : registryId, query.names(), query.sex(), query.birthDates(), query.birthPlace(),
                            query.fatherName(), query.motherName()));
                }
            }, System.err);
        }
        return persons;
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("A demo step did not reach the other node in " + PATIENCE);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
