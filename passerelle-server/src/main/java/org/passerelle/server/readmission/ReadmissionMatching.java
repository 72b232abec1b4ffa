package org.passerelle.server.readmission;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.storage.RoundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity engine under readmission. On the consulate's side, each request received is looked up in the civil
 * registry in the background and its candidates kept with the model that scored them (scored again when a new model
 * is estimated). On both sides, every request's person goes into the book of requested persons, where a prefecture
 * looks for duplicates before filing. Each book's model is estimated again by EM on the requests as they pass 30, 100,
 * 300, 1,000… (about ×3 each time), so the weights follow the names actually asked about.
 */
@Component
class ReadmissionMatching implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReadmissionMatching.class);
    static final int TOP = 10;
    private static final int ROUND = 50;
    /** The most requested persons a model is estimated from (the registry keeps the newest of them). */
    private static final int SAMPLE = 5000;
    private static final TypeReference<List<Registry.Candidate>> CANDIDATES = new TypeReference<>() { };

    private final Registry registry;
    private final ReadmissionStore store;
    private final Exchange exchange;
    private final PartyDirectory parties;
    private final ReadmissionProfile profile;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RoundWorker worker;
    private int estimatedLevel;

    ReadmissionMatching(Registry registry, ReadmissionStore store, Exchange exchange, PartyDirectory parties,
            ReadmissionProfile profile, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.exchange = exchange;
        this.parties = parties;
        this.profile = profile;
        this.clock = clock;
        this.worker = new RoundWorker("readmission-matching", Duration.ofMinutes(1), Duration.ofMillis(200),
                this::round);
    }

    /** The engine's record of a request's person, named by the case. */
    static PersonRecord person(String caseId, ReadmissionKinds.Person person) {
        List<BirthDate> dates = new ArrayList<>();
        if (person.birthDate() != null) {
            dates.add(BirthDate.parse(person.birthDate()));
        }
        return new PersonRecord(caseId, person.names(), Sex.parse(person.sex()), dates, person.birthPlace(),
                person.fatherName(), person.motherName());
    }

    /** Remembers a request's person (in the caller's transaction) and asks for candidates once it commits. */
    void requested(String caseId, ReadmissionKinds.Person person) {
        registry.add(IdentityBook.REQUESTED_PERSONS, person(caseId, person));
        worker.wakeAfterCommit();
    }

    /** Earlier requests that may be about the same person, best first, each with its probability. */
    Scored duplicates(ReadmissionKinds.Person person) {
        registry.catchUp(IdentityBook.REQUESTED_PERSONS);
        Registry.Candidates found = registry.candidates(IdentityBook.REQUESTED_PERSONS, person("new", person), 5);
        return new Scored(found.modelHash(), found.candidates().stream()
                .filter(c -> !"no-match".equals(c.decision())).toList());
    }

    /** The registry's candidates for a received request, scored now if the background has not yet. */
    Optional<Scored> candidates(ReadmissionState state) {
        Optional<Scored> stored = store.candidates(state.caseId()).map(s -> new Scored(s.modelHash(), read(s.json())));
        return stored.isPresent() ? stored : score(state);
    }

    /** A request's candidates and the model that scored them. */
    record Scored(String modelHash, List<Registry.Candidate> candidates) {
    }

    private Optional<Scored> score(ReadmissionState state) {
        if (state.request() == null) {
            return Optional.empty();
        }
        Registry.Candidates found = registry.candidates(IdentityBook.CIVIL_REGISTRY,
                person(state.caseId(), state.request().person()), TOP);
        if (!found.ready()) {
            return Optional.empty();
        }
        try {
            store.saveCandidates(state.caseId(), found.modelHash(), clock.instant(), json.writeValueAsString(
                    found.candidates()));
        } catch (DuplicateKeyException e) {
            // The background and a reader scored the same request at the same moment: either row will do.
        }
        return Optional.of(new Scored(found.modelHash(), found.candidates()));
    }

    private List<Registry.Candidate> read(String stored) {
        return json.readValue(stored, CANDIDATES);
    }

    private void round() {
        reestimate();
        String self = parties.self().code();
        String model = registry.modelHash(IdentityBook.CIVIL_REGISTRY);
        List<String> waiting;
        do {
            waiting = store.casesToScore(self, model, ROUND);
            for (String caseId : waiting) {
                if (score(ReadmissionState.of(exchange.thread(caseId), profile)).isEmpty()) {
                    return; // the registry's index is still being built: the next round tries again
                }
            }
        } while (waiting.size() == ROUND);
    }

    /**
     * Estimates the books' models again when the requests pass the next level: the civil registry's from the persons
     * asked about (on the node holding a registry), the requested persons' own against themselves (each left out of
     * its own look-up).
     */
    private void reestimate() {
        long asked = registry.size(IdentityBook.REQUESTED_PERSONS);
        int level = level(asked);
        if (level <= estimatedLevel) {
            return;
        }
        List<PersonRecord> sample = registry.newest(IdentityBook.REQUESTED_PERSONS, SAMPLE);
        if (registry.size(IdentityBook.CIVIL_REGISTRY) > 0) {
            LOG.info("Estimating the civil registry's model from {} requested persons", sample.size());
            registry.estimateModel(IdentityBook.CIVIL_REGISTRY, sample, false);
        }
        registry.estimateModel(IdentityBook.REQUESTED_PERSONS, sample, true);
        estimatedLevel = level;
    }

    /** 0 below 30 requests, then 1 from 30, 2 from 100, 3 from 300, 4 from 1,000…: a level per half decade. */
    static int level(long requests) {
        if (requests < 30) {
            return 0;
        }
        return 1 + (int) Math.floor(Math.log10(requests / 30.0) * 2 + 1e-9);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
