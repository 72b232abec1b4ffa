package org.passerelle.server.minors;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family tracing on Morocco's node: families' requests to trace a child (names as the family writes them, usually in
 * Arabic script) and the children France reported (names as French records write them) matched both ways by the
 * identity engine across scripts — only children whose tracing consent is recorded, and only requests filed with the
 * family's consent. A match is never taken on the engine's word: a child-protection officer confirms it, and only
 * then does France learn, through the case's thread, that the family was found.
 */
@Service
public class FamilyTracing {

    /** Candidates an officer is shown: more are seldom worth reading. */
    private static final int CANDIDATES = 5;

    private final TracingStore store;
    private final Registry registry;
    private final Minors minors;
    private final Exchange exchange;
    private final PartyDirectory parties;
    private final MinorsProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    FamilyTracing(TracingStore store, Registry registry, Minors minors, Exchange exchange, PartyDirectory parties,
            MinorsProperties properties, AuditTrail audit, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.minors = minors;
        this.exchange = exchange;
        this.parties = parties;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A candidate of a match across the books: who, how likely, and why, in the engine's words. */
    public record Match(String id, String reference, String name, double probability, String decision,
            String explanation) {
    }

    /** Files a family's request; refused without the family's consent to matching. Returns its id. */
    @Transactional
    public String file(Viewer viewer, NewTracingRequest input) {
        requireMoroccanOfficer(viewer);
        FieldChecks checks = new FieldChecks("minors");
        if (input.names().isEmpty()) {
            checks.fail("names", "required");
        }
        input.names().forEach(name -> checks.optional("names", name, MinorsKinds.NAME_MAX));
        if (!"M".equals(input.sex()) && !"F".equals(input.sex())) {
            checks.fail("sex", "sex");
        }
        String birth = checks.optional("birthDate", input.birthDate(), 10);
        if (birth != null && !birth.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            checks.fail("birthDate", "birthDate");
        }
        String place = checks.optional("birthPlace", input.birthPlace(), MinorsKinds.SHORT_MAX);
        String father = checks.optional("fatherName", input.fatherName(), MinorsKinds.NAME_MAX);
        String mother = checks.optional("motherName", input.motherName(), MinorsKinds.NAME_MAX);
        String filedBy = checks.required("filedBy", input.filedBy(), MinorsKinds.SHORT_MAX);
        if (!input.consent()) {
            checks.fail("consent", "consent");
        }
        checks.throwIfAny();
        String id = UuidV7.at(clock.instant()).toString();
        TracingRequest request = new TracingRequest(id, "RF-" + Minors.reference(id).substring(4), input.names(),
                input.sex(), birth, place, father, mother, filedBy, clock.instant(), null, null);
        store.insert(request);
        registry.add(IdentityBook.TRACING_REQUESTS, person(id, request.names(), request.sex(), birth, place, father,
                mother));
        audit.success(viewer, "minors.tracing.file", "minors-tracing", id);
        return id;
    }

    @Transactional
    public Page<TracingRequest> requests(Viewer viewer, int page, int size) {
        requireMoroccanOfficer(viewer);
        audit.success(viewer, "minors.tracing.list", "minors-tracing", null);
        return store.list(Page.number(page), Page.size(size));
    }

    @Transactional
    public Optional<TracingRequest> request(Viewer viewer, String id) {
        requireMoroccanOfficer(viewer);
        Optional<TracingRequest> found = store.find(id);
        found.ifPresent(r -> audit.success(viewer, "minors.tracing.read", "minors-tracing", id));
        return found;
    }

    /** The reported children (with consent) who may be the child a family asks about, best first. */
    @Transactional
    public List<Match> childrenFor(Viewer viewer, String requestId) {
        requireMoroccanOfficer(viewer);
        TracingRequest request = store.find(requestId).orElseThrow(() -> notFound(requestId));
        registry.catchUp(IdentityBook.REPORTED_MINORS);
        List<Match> matches = new ArrayList<>();
        for (Registry.Candidate candidate : registry.candidates(IdentityBook.REPORTED_MINORS, person(request.id(),
                request.names(), request.sex(), request.birthDate(), request.birthPlace(), request.fatherName(),
                request.motherName()), CANDIDATES).candidates()) {
            minors.read(Viewer.node(), candidate.personId()).filter(s -> s.record().tracingAllowed())
                    .ifPresent(s -> matches.add(new Match(s.caseId(), s.reference(), s.displayName(),
                            candidate.probability(), candidate.decision(), candidate.explanation())));
        }
        audit.success(viewer, "minors.tracing.candidates", "minors-tracing", requestId);
        return matches;
    }

    /** The families' requests that may be about a reported child, best first; none without the child's consent. */
    @Transactional
    public List<Match> requestsFor(Viewer viewer, String caseId) {
        requireMoroccanOfficer(viewer);
        MinorState state = minors.read(viewer, caseId).orElseThrow(() -> notFound(caseId));
        if (!state.record().tracingAllowed()) {
            return List.of();
        }
        registry.catchUp(IdentityBook.TRACING_REQUESTS);
        MinorsKinds.Person child = state.record().person();
        List<Match> matches = new ArrayList<>();
        for (Registry.Candidate candidate : registry.candidates(IdentityBook.TRACING_REQUESTS, person(caseId,
                child.names(), child.sex(), child.birthDate(), child.birthPlace(), child.fatherName(),
                child.motherName()), CANDIDATES).candidates()) {
            store.find(candidate.personId()).filter(r -> r.matchedCaseId() == null)
                    .ifPresent(r -> matches.add(new Match(r.id(), r.reference(), r.displayName(),
                            candidate.probability(), candidate.decision(), candidate.explanation())));
        }
        audit.success(viewer, "minors.tracing.candidates", MinorsKinds.CASE_TYPE, caseId);
        return matches;
    }

    /**
     * An officer confirms that a family's request is about a reported child: the request is closed on the child's
     * case and France is told, through the thread, that the family was found (the parents' names as the family gave
     * them, for France's officers to check with the child).
     */
    @CaseTransactional
    public void confirm(Viewer viewer, String requestId, String caseId, String note) {
        requireMoroccanOfficer(viewer);
        TracingRequest request = store.find(requestId).orElseThrow(() -> notFound(requestId));
        MinorState state = minors.read(viewer, caseId).orElseThrow(() -> notFound(caseId));
        if (!state.record().tracingAllowed()) {
            throw new RefusedException("minors.refused.noTracingConsent");
        }
        FieldChecks checks = new FieldChecks("minors");
        String text = checks.optional("note", note, MinorsKinds.TEXT_MAX);
        checks.throwIfAny();
        if (!store.confirm(requestId, caseId, viewer.username(), clock.instant())) {
            throw new RefusedException("minors.refused.alreadyMatched");
        }
        exchange.send(new CaseRef(caseId, MinorsKinds.CASE_TYPE), MinorsKinds.FAMILY_TRACED,
                List.of(state.requester()), Minors.HANDLING, MinorsKinds.write(new MinorsKinds.FamilyTracedPayload(
                        request.reference(), request.fatherName(), request.motherName(), text)), List.of());
        audit.success(viewer, "minors.tracing.confirm", MinorsKinds.CASE_TYPE, caseId + "/" + requestId);
    }

    /** A reported child's record goes into the book families' requests are matched against, with consent only. */
    void reported(MinorState state) {
        if (state.record().tracingAllowed() && parties.self().code().equals(properties.identifyingParty())) {
            MinorsKinds.Person child = state.record().person();
            registry.add(IdentityBook.REPORTED_MINORS, person(state.caseId(), child.names(), child.sex(),
                    child.birthDate(), child.birthPlace(), child.fatherName(), child.motherName()));
        }
    }

    /** A purged child leaves the tracing book: the entry is blanked (no name, no date: it matches nothing again). */
    void forget(String caseId) {
        if (parties.self().code().equals(properties.identifyingParty())) {
            registry.add(IdentityBook.REPORTED_MINORS, new PersonRecord(caseId, List.of(), Sex.UNKNOWN, List.of(), null,
                    null, null));
        }
    }

    /** The engine's record of a child, named by the case or the request. */
    static PersonRecord person(String id, List<String> names, String sex, String birthDate, String birthPlace,
            String father, String mother) {
        List<BirthDate> dates = birthDate == null ? List.of() : List.of(BirthDate.parse(birthDate));
        return new PersonRecord(id, names, Sex.parse(sex), dates, birthPlace, father, mother);
    }

    private void requireMoroccanOfficer(Viewer viewer) {
        if (!viewer.isNode() && !viewer.has(Role.CHILD_PROTECTION_OFFICER)) {
            throw new AccessDeniedException("Family tracing is for child-protection officers only");
        }
        if (!parties.self().code().equals(properties.identifyingParty())) {
            throw new RefusedException("minors.refused.otherSide");
        }
    }

    private static CaseNotFoundException notFound(String id) {
        return new CaseNotFoundException(MinorsKinds.CASE_TYPE, id);
    }
}
