package org.passerelle.server.readmission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.passerelle.matching.BirthDate;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.protocol.PublicKeys;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.exchange.NewAttachment;
import org.passerelle.server.party.NodeIdentity;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.party.Peer;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.readmission.ReadmissionKinds.Person;
import org.passerelle.server.readmission.ReadmissionKinds.RequestPayload;
import org.passerelle.server.shared.CaseNotFoundException;
import org.passerelle.server.shared.CaseTransactional;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.RefusedException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.shared.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readmission as the prefectures, the consulates and the central services use it, on pages and through the API. Every
 * step is an envelope on the case's thread; the workflow's table refuses a step out of turn; the safeguards refuse
 * what the law forbids, saying why. A prefecture officer sees the cases of their prefecture, a consular officer those
 * of their consulate (the user's office), the central services all of their side's. Every read of a person's data is
 * audited.
 */
@Service
public class Readmissions {

    /** Attachments a request may carry: photos and scanned documents. */
    static final int MAX_FILES = 10;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** The oldest birth year a request may give. */
    private static final int FIRST_BIRTH_YEAR = 1900;

    private final Exchange exchange;
    private final PartyDirectory parties;
    private final NodeIdentity identity;
    private final ReadmissionProfile profile;
    private final ReadmissionStore store;
    private final ReadmissionMatching matching;
    private final Registry registry;
    private final LaissezPasserDocument documents;
    private final AuditTrail audit;
    private final Clock clock;

    Readmissions(Exchange exchange, PartyDirectory parties, NodeIdentity identity, ReadmissionProfile profile,
            ReadmissionStore store, ReadmissionMatching matching, Registry registry, LaissezPasserDocument documents,
            AuditTrail audit, Clock clock) {
        this.exchange = exchange;
        this.parties = parties;
        this.identity = identity;
        this.profile = profile;
        this.store = store;
        this.matching = matching;
        this.registry = registry;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A case as a page or the API shows it.
     *
     * @param asylum France's asylum record (null on Morocco's node, or none recorded)
     * @param actions the kinds of step the viewer may send now
     * @param today the UTC day the view was read on, which its clocks count from
     */
    public record CaseView(ReadmissionState state, List<EnvelopeRecord> envelopes, boolean overdue, boolean atRisk,
            Optional<LocalDate> nextDetentionReview, Workflow.Side side, AsylumRecord asylum, Set<String> actions,
            LocalDate today) {

        public boolean settled() {
            return envelopes.stream().allMatch(EnvelopeRecord::settled);
        }
    }

    /** An earlier request that may be about the same person. */
    public record Duplicate(ReadmissionSummary request, double probability, String decision) {
    }

    /** What waits for the viewer. */
    public record Workload(long waitingOnUs, long overdue, long atRisk) {
    }

    /** A request ready to send: its payload and France's asylum record. */
    private record Checked(RequestPayload payload, Asylum asylum, LocalDate asylumDecidedOn) {
    }

    // France: the request

    /**
     * Checks a request without sending it, so that a form can show every error before its confirmation page; then
     * the safeguards, which refuse a request the law forbids however well it is filled in.
     */
    public void validate(Viewer viewer, NewReadmissionRequest request) {
        requireSide(viewer, Workflow.Side.REQUESTER);
        check(viewer, request);
    }

    private Checked check(Viewer viewer, NewReadmissionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = today();
        ReadmissionProfile.Prefecture prefecture = profile.prefecture(blankToNull(request.prefecture())).orElse(null);
        if (prefecture == null) {
            errors.add(new FieldError("prefecture", "readmission.error.prefecture"));
        } else if (viewer.has(Role.PREFECTURE_OFFICER) && !prefecture.code().equals(viewer.office())) {
            errors.add(new FieldError("prefecture", "readmission.error.prefectureNotYours"));
        }
        if (request.names().isEmpty()) {
            errors.add(new FieldError("names", "readmission.error.names"));
        } else if (request.names().size() > ReadmissionKinds.NAMES_MAX
                || request.names().stream().anyMatch(n -> n.length() > ReadmissionKinds.NAME_MAX)) {
            errors.add(new FieldError("names", "readmission.error.namesTooLong"));
        }
        if (!"M".equals(request.sex()) && !"F".equals(request.sex())) {
            errors.add(new FieldError("sex", "readmission.error.sex"));
        }
        String birthDate = blankToNull(request.birthDate());
        if (birthDate != null) {
            try {
                BirthDate parsed = BirthDate.parse(birthDate);
                if (parsed.year() < FIRST_BIRTH_YEAR || earliestBirthDay(parsed).isAfter(today)) {
                    errors.add(new FieldError("birthDate", "readmission.error.birthDateRange"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("birthDate", "readmission.error.birthDate"));
            }
        }
        tooLong(errors, "birthPlace", request.birthPlace(), ReadmissionKinds.SHORT_MAX);
        tooLong(errors, "fatherName", request.fatherName(), ReadmissionKinds.NAME_MAX);
        tooLong(errors, "motherName", request.motherName(), ReadmissionKinds.NAME_MAX);
        tooLong(errors, "description", request.description(), ReadmissionKinds.TEXT_MAX);
        if (request.languages().size() > 10 || request.languages().stream().anyMatch(l -> l.length() > 60)) {
            errors.add(new FieldError("languages", "readmission.error.languages"));
        }
        String reference = blankToNull(request.removalOrderReference());
        if (reference == null || reference.length() > 60) {
            errors.add(new FieldError("removalOrderReference", "readmission.error.orderReference"));
        }
        LocalDate orderDate = date(errors, "removalOrderDate", request.removalOrderDate(), true);
        if (orderDate != null && orderDate.isAfter(today)) {
            errors.add(new FieldError("removalOrderDate", "readmission.error.future"));
        }
        String centre = blankToNull(request.detentionCentre());
        if (centre == null || centre.length() > ReadmissionKinds.SHORT_MAX) {
            errors.add(new FieldError("detentionCentre", "readmission.error.centre"));
        }
        LocalDate start = date(errors, "detentionStart", request.detentionStart(), true);
        LocalDate end = date(errors, "detentionEnd", request.detentionEnd(), true);
        if (start != null && start.isAfter(today)) {
            errors.add(new FieldError("detentionStart", "readmission.error.future"));
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("detentionEnd", "readmission.error.endBeforeStart"));
            } else if (ChronoUnit.DAYS.between(start, end) > profile.maximumDetentionDays()) {
                errors.add(new FieldError("detentionEnd", "readmission.error.detentionTooLong"));
            } else if (end.isBefore(today)) {
                errors.add(new FieldError("detentionEnd", "readmission.error.detentionEnded"));
            }
        }
        Asylum asylum = Asylum.ofApiName(request.asylum()).orElse(null);
        if (asylum == null) {
            errors.add(new FieldError("asylum", "readmission.error.asylum"));
        }
        LocalDate asylumDecidedOn = date(errors, "asylumDecidedOn", request.asylumDecidedOn(),
                asylum == Asylum.REJECTED);
        if (asylumDecidedOn != null && asylumDecidedOn.isAfter(today)) {
            errors.add(new FieldError("asylumDecidedOn", "readmission.error.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (asylum.blocksRemoval()) {
            throw new RefusedException("readmission.refused.asylum");
        }
        if (birthDate != null && latestBirthDay(BirthDate.parse(birthDate)).plusYears(18).isAfter(today)) {
            throw new RefusedException("readmission.refused.minor", birthDate);
        }
        ReadmissionProfile.Consulate consulate = profile.consulateFor(prefecture.code()).orElseThrow();
        Person person = new Person(request.names(), request.sex(), birthDate, blankToNull(request.birthPlace()),
                blankToNull(request.fatherName()), blankToNull(request.motherName()), request.languages(),
                blankToNull(request.description()));
        return new Checked(new RequestPayload(prefecture.code(), consulate.code(), person, reference, orderDate,
                centre, start, end), asylum, asylumDecidedOn);
    }

    /** Checks attachments: how many, how big, and that each is a photo (JPEG, PNG) or a PDF by its content. */
    public void validateAttachments(List<NewAttachment> attachments) {
        List<FieldError> errors = new ArrayList<>();
        if (attachments.size() > MAX_FILES) {
            errors.add(new FieldError("files", "readmission.error.fileCount"));
        }
        if (attachments.stream().anyMatch(a -> a.content().length > MAX_FILE_BYTES)) {
            errors.add(new FieldError("files", "readmission.error.fileSize"));
        }
        if (attachments.stream().anyMatch(a -> mediaType(a.content()).isEmpty())) {
            errors.add(new FieldError("files", "readmission.error.fileType"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The media type a file's first bytes show, among those a request may carry. */
    static Optional<String> mediaType(byte[] content) {
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Earlier requests, of any prefecture, that may be about the same person, best first. A look at other requests'
     * persons, so it is audited.
     */
    @Transactional
    public List<Duplicate> duplicates(Viewer viewer, NewReadmissionRequest request) {
        requireSide(viewer, Workflow.Side.REQUESTER);
        Checked checked = check(viewer, request);
        ReadmissionMatching.Scored scored = matching.duplicates(checked.payload().person());
        audit.record(viewer, "readmission.duplicates", ReadmissionKinds.CASE_TYPE, null, AuditOutcome.SUCCESS,
                modelDetail(scored.modelHash()));
        Instant now = clock.instant();
        List<Duplicate> found = new ArrayList<>();
        for (Registry.Candidate candidate : scored.candidates()) {
            store.summary(candidate.personId(), now, riskDay()).ifPresent(summary ->
                    found.add(new Duplicate(summary, candidate.probability(), candidate.decision())));
        }
        return found;
    }

    /** Files a request with the consulate competent for the prefecture; returns the case's id. */
    @CaseTransactional
    public String file(Viewer viewer, NewReadmissionRequest request, List<NewAttachment> attachments) {
        requireSide(viewer, Workflow.Side.REQUESTER);
        Checked checked = check(viewer, request);
        validateAttachments(attachments);
        String morocco = profile.issuingParty();
        String caseId = UuidV7.at(clock.instant()).toString();
        List<NewAttachment> typed = attachments.stream().map(a -> new NewAttachment(fileName(a.name()),
                mediaType(a.content()).orElseThrow(), a.content())).toList();
        exchange.send(new CaseRef(caseId, ReadmissionKinds.CASE_TYPE), ReadmissionKinds.REQUEST, List.of(morocco),
                HANDLING, checked.payload().toJson(), typed);
        store.saveAsylum(caseId, checked.asylum(), checked.asylumDecidedOn(), clock.instant(), viewer.username());
        return caseId;
    }

    /** A file's name as the other party sees it: no folders, at most 100 characters. */
    private static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
        return base.isEmpty() ? "file" : base.substring(0, Math.min(100, base.length()));
    }

    /** Readmission messages may be used for identification and return only, and not passed on. */
    static final Handling HANDLING = new Handling(HandlingCode.H2, 'A', 1, null);

    /** The prefecture answers the consulate's question. */
    @CaseTransactional
    public void answerQuestion(Viewer viewer, String caseId, String answer) {
        send(viewer, caseId, ReadmissionKinds.INFORMATION, new ReadmissionKinds.TextPayload(text(answer, "text"))
                .toJson());
    }

    /** The prefecture reminds the consulate of a request that waits on it. */
    @CaseTransactional
    public void remind(Viewer viewer, String caseId, String note) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.REQUESTER);
        if (!state.status().awaitingMorocco()) {
            throw new InvalidInputException(List.of(new FieldError("text", "readmission.error.notWaiting")));
        }
        exchange.send(caseRef(caseId), ReadmissionKinds.REMINDER, List.of(state.responder()), HANDLING,
                new ReadmissionKinds.TextPayload(text(note, "text")).toJson(), List.of());
    }

    /** Records the person's asylum status (it stays in France); a pending claim or appeal stops any removal. */
    @CaseTransactional
    public void recordAsylum(Viewer viewer, String caseId, String status, String decidedOn) {
        working(viewer, caseId, Workflow.Side.REQUESTER);
        List<FieldError> errors = new ArrayList<>();
        Asylum asylum = Asylum.ofApiName(status).orElse(null);
        if (asylum == null) {
            errors.add(new FieldError("asylum", "readmission.error.asylum"));
        }
        LocalDate decided = date(errors, "asylumDecidedOn", decidedOn, asylum == Asylum.REJECTED);
        if (decided != null && decided.isAfter(today())) {
            errors.add(new FieldError("asylumDecidedOn", "readmission.error.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.saveAsylum(caseId, asylum, decided, clock.instant(), viewer.username());
        audit.success(viewer, "readmission.asylum.record", ReadmissionKinds.CASE_TYPE, caseId);
    }

    /** Books the flight: refused while an asylum claim or appeal is pending, or after the laissez-passer's expiry. */
    @CaseTransactional
    public void scheduleRemoval(Viewer viewer, String caseId, String flightDate, String escort) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.REQUESTER);
        List<FieldError> errors = new ArrayList<>();
        LocalDate flight = date(errors, "flightDate", flightDate, true);
        if (escort != null && escort.length() > ReadmissionKinds.SHORT_MAX) {
            errors.add(new FieldError("escort", "readmission.error.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        allowed(state, ReadmissionKinds.REMOVAL_SCHEDULED);
        refuseWhileAsylumPending(caseId);
        ReadmissionState.LaissezPasser lp = state.laissezPasser().filter(l -> !l.revoked())
                .orElseThrow(() -> new RefusedException("readmission.refused.noLaissezPasser"));
        if (flight.isAfter(lp.validUntil())) {
            throw new RefusedException("readmission.refused.laissezPasserExpires", lp.number(),
                    lp.validUntil().toString());
        }
        if (flight.isBefore(today())) {
            throw new InvalidInputException(List.of(new FieldError("flightDate", "readmission.error.past")));
        }
        exchange.send(caseRef(caseId), ReadmissionKinds.REMOVAL_SCHEDULED, List.of(state.responder()), HANDLING,
                new ReadmissionKinds.FlightPayload(flight, blankToNull(escort)).toJson(), List.of());
    }

    /** Records that the person was removed on the flight's day; refused after the laissez-passer's expiry. */
    @CaseTransactional
    public void recordRemoved(Viewer viewer, String caseId, String date, String note) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.REQUESTER);
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = date(errors, "flightDate", date, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        allowed(state, ReadmissionKinds.REMOVED);
        refuseWhileAsylumPending(caseId);
        ReadmissionState.LaissezPasser lp = state.laissezPasser().orElseThrow();
        if (day.isAfter(lp.validUntil())) {
            throw new RefusedException("readmission.refused.laissezPasserExpired", lp.number(),
                    lp.validUntil().toString());
        }
        if (day.isAfter(today())) {
            throw new InvalidInputException(List.of(new FieldError("flightDate", "readmission.error.future")));
        }
        exchange.send(caseRef(caseId), ReadmissionKinds.REMOVED, List.of(state.responder()), HANDLING,
                new ReadmissionKinds.OutcomePayload(day, null, blankToNull(note)).toJson(), List.of());
    }

    /** Records that the removal failed, and why. */
    @CaseTransactional
    public void recordFailure(Viewer viewer, String caseId, String date, String reason, String note) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.REQUESTER);
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = date(errors, "flightDate", date, true);
        RemovalFailure why = RemovalFailure.ofApiName(reason).orElse(null);
        if (why == null) {
            errors.add(new FieldError("reason", "readmission.error.failureReason"));
        }
        if (day != null && day.isAfter(today())) {
            errors.add(new FieldError("flightDate", "readmission.error.future"));
        }
        if (note != null && note.length() > ReadmissionKinds.TEXT_MAX) {
            errors.add(new FieldError("note", "readmission.error.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        allowed(state, ReadmissionKinds.REMOVAL_FAILED);
        exchange.send(caseRef(caseId), ReadmissionKinds.REMOVAL_FAILED, List.of(state.responder()), HANDLING,
                new ReadmissionKinds.OutcomePayload(day, why, blankToNull(note)).toJson(), List.of());
    }

    /** France withdraws the request (released, left of their own accord, another procedure). */
    @CaseTransactional
    public void withdraw(Viewer viewer, String caseId, String reason) {
        send(viewer, caseId, ReadmissionKinds.WITHDRAWN, new ReadmissionKinds.TextPayload(text(reason, "text"))
                .toJson());
    }

    private void refuseWhileAsylumPending(String caseId) {
        if (store.asylum(caseId).map(a -> a.status().blocksRemoval()).orElse(false)) {
            throw new RefusedException("readmission.refused.asylum");
        }
    }

    // Morocco: identification and the laissez-passer

    /**
     * The civil registry's candidates for a request, best first, each with its probability, decision and per-field
     * explanation; a read of personal data, so it is audited.
     */
    @CaseTransactional
    public List<Registry.Candidate> candidates(Viewer viewer, String caseId) {
        ReadmissionState state = visibleState(viewer, caseId, "readmission.candidates.read");
        if (state.side(parties.self().code()).orElse(null) != Workflow.Side.RESPONDER) {
            throw notFound(caseId);
        }
        Optional<ReadmissionMatching.Scored> scored = matching.candidates(state);
        audit.record(viewer, "readmission.candidates.read", ReadmissionKinds.CASE_TYPE, caseId, AuditOutcome.SUCCESS,
                scored.map(s -> modelDetail(s.modelHash())).orElse("not scored yet"));
        return scored.map(ReadmissionMatching.Scored::candidates).orElse(List.of());
    }

    /**
     * The audit entry's word on the model that scored what the user saw: with it, {@code passerelle match --model}
     * replays the look-up exactly (the model is kept in the database and beside the index under that hash).
     */
    private static String modelDetail(String modelHash) {
        return "model " + modelHash;
    }

    /** A candidate with its registry record, as the consulate's page shows it. */
    public record CandidateRecord(Registry.Candidate candidate, org.passerelle.matching.PersonRecord person) {
    }

    /** The candidates with their registry records (one audited read, as {@link #candidates}). */
    @CaseTransactional
    public List<CandidateRecord> candidateRecords(Viewer viewer, String caseId) {
        return candidates(viewer, caseId).stream().flatMap(c -> registry.person(IdentityBook.CIVIL_REGISTRY,
                c.personId()).map(p -> new CandidateRecord(c, p)).stream()).toList();
    }

    /** A person of the civil registry, as the consulate reads them before deciding; audited. */
    @CaseTransactional
    public Optional<org.passerelle.matching.PersonRecord> registryPerson(Viewer viewer, String caseId, String personId) {
        visibleState(viewer, caseId, "readmission.registry.read");
        audit.success(viewer, "readmission.registry.read", ReadmissionKinds.CASE_TYPE, caseId + "/" + personId);
        return registry.person(IdentityBook.CIVIL_REGISTRY, personId);
    }

    /** The consulate asks the prefecture for more before deciding. */
    @CaseTransactional
    public void askInformation(Viewer viewer, String caseId, String question) {
        send(viewer, caseId, ReadmissionKinds.INFORMATION_NEEDED,
                new ReadmissionKinds.TextPayload(text(question, "text")).toJson());
    }

    /** The consulate calls the person to a consular interview. */
    @CaseTransactional
    public void callInterview(Viewer viewer, String caseId, String date, String place, String note) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = date(errors, "interviewDate", date, true);
        if (day != null && day.isBefore(today())) {
            errors.add(new FieldError("interviewDate", "readmission.error.past"));
        }
        String where = blankToNull(place);
        if (where == null || where.length() > ReadmissionKinds.SHORT_MAX) {
            errors.add(new FieldError("place", "readmission.error.place"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        send(viewer, caseId, ReadmissionKinds.INTERVIEW,
                new ReadmissionKinds.InterviewPayload(day, where, blankToNull(note)).toJson());
    }

    /** The consulate identifies the person, linking the registry record it found (if any). */
    @CaseTransactional
    public void identify(Viewer viewer, String caseId, String personId, String note) {
        String linked = blankToNull(personId);
        if (linked != null && registry.person(IdentityBook.CIVIL_REGISTRY, linked).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("personId", "readmission.error.personId")));
        }
        send(viewer, caseId, ReadmissionKinds.IDENTIFIED,
                new ReadmissionKinds.IdentifiedPayload(linked, blankToNull(note)).toJson());
    }

    /** The consulate cannot identify the person, and says why. */
    @CaseTransactional
    public void notIdentified(Viewer viewer, String caseId, String reason) {
        send(viewer, caseId, ReadmissionKinds.NOT_IDENTIFIED,
                new ReadmissionKinds.TextPayload(text(reason, "reason")).toJson());
    }

    /** A laissez-passer issued: its number and last valid day. */
    public record Issued(String number, LocalDate validUntil) {
    }

    /**
     * The consulate issues the laissez-passer of an identified person, valid as the agreement's profile says, sealed
     * with this node's key; refused while one is valid. Only the consulate's own officers issue them.
     */
    @CaseTransactional
    public Issued issueLaissezPasser(Viewer viewer, String caseId) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.RESPONDER);
        if (!viewer.isNode() && !viewer.has(Role.CONSULAR_OFFICER)) {
            throw new AccessDeniedException("Laissez-passers are issued by the consulate");
        }
        LocalDate today = today();
        state.validLaissezPasser(today).ifPresent(valid -> {
            throw new RefusedException("readmission.refused.secondLaissezPasser", valid.number(),
                    valid.validUntil().toString());
        });
        allowed(state, ReadmissionKinds.LAISSEZ_PASSER);
        String number = "LP" + today.getYear() + "-" + state.reference().substring(3) + "-"
                + (state.laissezPassers().size() + 1);
        LocalDate validUntil = today.plusDays(profile.laissezPasserValidity().toDays());
        Person person = state.request().person();
        Optional<org.passerelle.matching.PersonRecord> registered = state.personId() == null ? Optional.empty()
                : registry.person(IdentityBook.CIVIL_REGISTRY, state.personId());
        List<String> names = registered.map(r -> officialNames(r.names())).orElse(officialNames(person.names()));
        String birthDate = registered.filter(r -> !r.birthDates().isEmpty()).map(r -> r.birthDates().get(0).toString())
                .orElse(person.birthDate());
        String birthPlace = registered.map(org.passerelle.matching.PersonRecord::birthPlace)
                .filter(p -> !p.isBlank()).orElse(person.birthPlace());
        LaissezPasserSeal.Data data = new LaissezPasserSeal.Data(number, parties.self().code(),
                state.request().consulate(), names, person.sex(), birthDate, birthPlace, today, validUntil,
                state.requester(), state.responder(), identity.fingerprint());
        String seal = LaissezPasserSeal.seal(data, identity::sign);
        exchange.send(caseRef(caseId), ReadmissionKinds.LAISSEZ_PASSER, List.of(state.requester()), HANDLING,
                new ReadmissionKinds.LaissezPasserPayload(number, today, validUntil, seal).toJson(), List.of());
        return new Issued(number, validUntil);
    }

    /** The names a travel document prints: the first in Latin letters and the first in Arabic script. */
    private static List<String> officialNames(List<String> names) {
        List<String> chosen = new ArrayList<>();
        LaissezPasserDocument.firstIn(names, false).ifPresent(chosen::add);
        LaissezPasserDocument.firstIn(names, true).ifPresent(chosen::add);
        return chosen.isEmpty() ? names.subList(0, Math.min(1, names.size())) : chosen;
    }

    /** The consulate revokes the current laissez-passer (flight cancelled, to be reissued), saying why. */
    @CaseTransactional
    public void revokeLaissezPasser(Viewer viewer, String caseId, String reason) {
        ReadmissionState state = working(viewer, caseId, Workflow.Side.RESPONDER);
        if (!viewer.isNode() && !viewer.has(Role.CONSULAR_OFFICER)) {
            throw new AccessDeniedException("Laissez-passers are revoked by the consulate");
        }
        allowed(state, ReadmissionKinds.LAISSEZ_PASSER_REVOKED);
        ReadmissionState.LaissezPasser lp = state.laissezPasser().filter(l -> !l.revoked())
                .orElseThrow(() -> new RefusedException("readmission.refused.noLaissezPasser"));
        exchange.send(caseRef(caseId), ReadmissionKinds.LAISSEZ_PASSER_REVOKED, List.of(state.requester()), HANDLING,
                new ReadmissionKinds.RevocationPayload(lp.number(), text(reason, "reason")).toJson(), List.of());
    }

    /** The current laissez-passer's PDF, the same on both nodes; a read of personal data, audited. */
    @CaseTransactional
    public Optional<byte[]> laissezPasserPdf(Viewer viewer, String caseId) {
        ReadmissionState state = visibleState(viewer, caseId, "readmission.laissez-passer.read");
        Optional<ReadmissionState.LaissezPasser> lp = state.laissezPasser();
        if (lp.isEmpty()) {
            return Optional.empty();
        }
        audit.success(viewer, "readmission.laissez-passer.read", ReadmissionKinds.CASE_TYPE, caseId);
        LaissezPasserSeal.Data data = LaissezPasserSeal.check(lp.get().seal(), issuerKey(), lp.get().issuedOn(),
                number -> false).data();
        return Optional.of(documents.render(data, lp.get().seal(),
                profile.consulate(state.request().consulate()).orElse(null), state.reference()));
    }

    /**
     * Checks a laissez-passer's seal with Morocco's key on this day, and whether this node knows it revoked (a node
     * holding the case does). Not a read of a case: the seal carries its own data.
     */
    @Transactional(readOnly = true)
    public LaissezPasserSeal.Check check(String seal) {
        return LaissezPasserSeal.check(seal, issuerKey(), today(), this::knownRevoked);
    }

    /** Checks the seal printed on a laissez-passer PDF, and that the page prints the data the seal vouches for. */
    @Transactional(readOnly = true)
    public LaissezPasserCheck checkPdf(byte[] pdf) {
        return LaissezPasserCheck.of(pdf, issuerKey(), today(), this::knownRevoked);
    }

    private boolean knownRevoked(String number) {
        return store.caseOfLaissezPasser(number).map(caseId -> ReadmissionState.of(exchange.thread(caseId), profile))
                .flatMap(ReadmissionState::laissezPasser).filter(lp -> lp.number().equals(number))
                .map(ReadmissionState.LaissezPasser::revoked).orElse(false);
    }

    /** The key laissez-passers are sealed with: Morocco's, this node's own on Morocco's node. */
    public java.security.PublicKey issuerKey() {
        String issuer = profile.issuingParty();
        return issuer.equals(parties.self().code()) ? identity.publicKey()
                : parties.peer(issuer).map(Peer::publicKey).orElseThrow(
                        () -> new IllegalStateException("No key for " + issuer + ", which issues laissez-passers"));
    }

    /** Morocco's key as {@code passerelle keys export} prints it. */
    public String exportedIssuerKey() {
        return PublicKeys.encode(issuerKey());
    }

    /** The fingerprint of Morocco's key, as each laissez-passer prints it. */
    public String issuerFingerprint() {
        return PublicKeys.fingerprint(issuerKey());
    }

    // Reads

    /** A case for display; a read of personal data, so it is audited (a refusal too). */
    @CaseTransactional
    public Optional<CaseView> read(Viewer viewer, String caseId) {
        Optional<CaseView> view = view(viewer, caseId, "readmission.read");
        view.ifPresent(v -> audit.success(viewer, "readmission.read", ReadmissionKinds.CASE_TYPE, caseId));
        return view;
    }

    /** The case's envelopes and deliveries again, for a page following them (no content: not audited as a read). */
    @CaseTransactional
    public Optional<CaseView> deliveries(Viewer viewer, String caseId) {
        return view(viewer, caseId, "readmission.read");
    }

    private Optional<CaseView> view(Viewer viewer, String caseId, String action) {
        requireReadmissionRole(viewer);
        if (!visible(viewer, caseId, action)) {
            return Optional.empty();
        }
        ReadmissionState state = state(caseId);
        Workflow.Side side = state.side(parties.self().code()).orElseThrow(() -> notFound(caseId));
        LocalDate today = today();
        AsylumRecord asylum = side == Workflow.Side.REQUESTER ? store.asylum(caseId).orElse(null) : null;
        return Optional.of(new CaseView(state, exchange.records(caseId), state.overdueAt(clock.instant()),
                state.atRiskOn(today, profile), state.nextDetentionReview(today, profile), side, asylum,
                actions(viewer, state, side), today));
    }

    /** The steps the viewer may take now: the workflow's table for their side, less what their role may not do. */
    private Set<String> actions(Viewer viewer, ReadmissionState state, Workflow.Side side) {
        Set<String> actions = new LinkedHashSet<>(ReadmissionWorkflow.TABLE.allowed(state.status(), side));
        boolean consular = viewer.isNode() || viewer.has(Role.CONSULAR_OFFICER);
        if (!consular) {
            actions.remove(ReadmissionKinds.LAISSEZ_PASSER);
            actions.remove(ReadmissionKinds.LAISSEZ_PASSER_REVOKED);
        }
        if (state.validLaissezPasser(today()).isPresent()) {
            actions.remove(ReadmissionKinds.LAISSEZ_PASSER);
        }
        if (side == Workflow.Side.REQUESTER && state.status().awaitingMorocco()) {
            actions.add(ReadmissionKinds.REMINDER);
        }
        return actions;
    }

    /** An attachment of a case, for download; a read of personal data, audited. */
    @CaseTransactional
    public Optional<byte[]> attachment(Viewer viewer, String caseId, String sha256) {
        requireReadmissionRole(viewer);
        Optional<byte[]> content = visible(viewer, caseId, "readmission.attachment.read")
                ? exchange.attachment(caseId, sha256) : Optional.empty();
        content.ifPresent(c -> audit.success(viewer, "readmission.attachment.read", ReadmissionKinds.CASE_TYPE,
                caseId + "/" + sha256));
        return content;
    }

    /** Which list a page shows. */
    public enum ListFlag { ALL, WAITING_ON_US, OVERDUE, AT_RISK }

    /**
     * A page of the cases the viewer may see, with a status or a flag, or searched by reference or name; names are
     * personal data, so listing is audited.
     */
    @CaseTransactional
    public Page<ReadmissionSummary> list(Viewer viewer, ReadmissionStatus status, ListFlag flag, String query,
            int page, int size) {
        requireReadmissionRole(viewer);
        audit.success(viewer, "readmission.list", ReadmissionKinds.CASE_TYPE, null);
        ReadmissionStore.Flag storeFlag = switch (flag == null ? ListFlag.ALL : flag) {
            case ALL -> null;
            case WAITING_ON_US -> ReadmissionStore.Flag.WAITING_ON_US;
            case OVERDUE -> ReadmissionStore.Flag.OVERDUE;
            case AT_RISK -> ReadmissionStore.Flag.AT_RISK;
        };
        return store.page(new ReadmissionStore.Filter(officePrefecture(viewer), officeConsulate(viewer), status,
                storeFlag, query), parties.self().code(), clock.instant(), riskDay(), Page.number(page),
                Page.size(size));
    }

    /** What waits for the viewer: counts only, not audited as a read. */
    @Transactional(readOnly = true)
    public Workload workload(Viewer viewer) {
        requireReadmissionRole(viewer);
        ReadmissionStore.Workload counts = store.workload(officePrefecture(viewer), officeConsulate(viewer),
                parties.self().code(), clock.instant(), riskDay());
        return new Workload(counts.waitingOnUs(), counts.overdue(), counts.atRisk());
    }

    /** The shared figures for the requests filed from {@code from} to {@code to} (months, inclusive). */
    @Transactional(readOnly = true)
    public ReadmissionStatistics.Report statistics(Viewer viewer, YearMonth from, YearMonth to) {
        if (!viewer.isNode() && !READMISSION_ROLES.contains(viewer.role())
                && !viewer.has(Role.JOINT_GROUP_SECRETARIAT)) {
            throw new AccessDeniedException("Readmission statistics are for readmission staff and the joint group");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException(List.of(new FieldError("to", "readmission.error.period")));
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException(List.of(new FieldError("to", "readmission.error.periodTooLong")));
        }
        return ReadmissionStatistics.of(store.statisticsCases(ReadmissionStatistics.start(from),
                ReadmissionStatistics.start(to.plusMonths(1))), from, to);
    }

    public ReadmissionProfile profile() {
        return profile;
    }

    // Rules shared by the steps

    private static final Set<Role> READMISSION_ROLES = Set.of(Role.PREFECTURE_OFFICER, Role.CENTRAL_MIGRATION_OFFICER,
            Role.CONSULAR_OFFICER, Role.CENTRAL_IDENTIFICATION_OFFICER);

    private static void requireReadmissionRole(Viewer viewer) {
        if (!viewer.isNode() && !READMISSION_ROLES.contains(viewer.role())) {
            throw new AccessDeniedException("Readmission is for prefectures, consulates and their central services");
        }
    }

    /** The viewer works on this node's side of readmission (France files, Morocco answers). */
    private void requireSide(Viewer viewer, Workflow.Side side) {
        requireReadmissionRole(viewer);
        String party = side == Workflow.Side.REQUESTER ? profile.requestingParty() : profile.issuingParty();
        if (!party.equals(parties.self().code())) {
            throw new AccessDeniedException("This node is not on that side of readmission");
        }
    }

    private static String officePrefecture(Viewer viewer) {
        return viewer.has(Role.PREFECTURE_OFFICER) ? nonNull(viewer.office()) : null;
    }

    private static String officeConsulate(Viewer viewer) {
        return viewer.has(Role.CONSULAR_OFFICER) ? nonNull(viewer.office()) : null;
    }

    /** An officer without an office sees no office's cases: an office that matches none. */
    private static String nonNull(String office) {
        return office == null ? "" : office;
    }

    /** Whether the viewer may see the case (their office's, or all of their side's); a refusal is audited. */
    private boolean visible(Viewer viewer, String caseId, String action) {
        Optional<ReadmissionStore.Offices> offices = store.offices(caseId);
        if (offices.isEmpty()) {
            return false;
        }
        String prefecture = officePrefecture(viewer);
        String consulate = officeConsulate(viewer);
        boolean allowed = (prefecture == null || prefecture.equals(offices.get().prefecture()))
                && (consulate == null || consulate.equals(offices.get().consulate()));
        if (!allowed) {
            audit.record(viewer, action, ReadmissionKinds.CASE_TYPE, caseId, AuditOutcome.FAILURE,
                    "not the viewer's office");
        }
        return allowed;
    }

    private ReadmissionState visibleState(Viewer viewer, String caseId, String action) {
        requireReadmissionRole(viewer);
        if (!visible(viewer, caseId, action)) {
            throw notFound(caseId);
        }
        return state(caseId);
    }

    /** Checks the viewer may act on the case from this node's side, and returns its state. */
    private ReadmissionState working(Viewer viewer, String caseId, Workflow.Side side) {
        requireSide(viewer, side);
        return visibleState(viewer, caseId, "readmission.act");
    }

    /** Sends a step of this node's side, if the workflow's table allows it now. */
    private void send(Viewer viewer, String caseId, String kind, tools.jackson.databind.node.ObjectNode payload) {
        Workflow.Side side = ReadmissionWorkflow.TABLE.transition(kind).orElseThrow().by();
        ReadmissionState state = working(viewer, caseId, side);
        allowed(state, kind);
        String other = side == Workflow.Side.REQUESTER ? state.responder() : state.requester();
        exchange.send(caseRef(caseId), kind, List.of(other), HANDLING, payload, List.of());
    }

    private void allowed(ReadmissionState state, String kind) {
        Workflow.Side side = state.side(parties.self().code()).orElseThrow(() -> notFound(state.caseId()));
        if (ReadmissionWorkflow.TABLE.next(state.status(), kind, side).isEmpty()) {
            throw new RefusedException("readmission.refused.notNow", state.status().apiName());
        }
    }

    ReadmissionState state(String caseId) {
        return ReadmissionState.of(exchange.thread(caseId), profile);
    }

    private LocalDate today() {
        return ReadmissionState.day(clock.instant());
    }

    /** The last day of detention that puts a case awaiting Morocco at risk today. */
    private LocalDate riskDay() {
        return today().plusDays(profile.atRiskWithin().toDays());
    }

    private static CaseRef caseRef(String caseId) {
        return new CaseRef(caseId, ReadmissionKinds.CASE_TYPE);
    }

    private static CaseNotFoundException notFound(String caseId) {
        return new CaseNotFoundException(ReadmissionKinds.CASE_TYPE, caseId);
    }

    private static String text(String text, String field) {
        String value = blankToNull(text);
        if (value == null || value.length() > ReadmissionKinds.TEXT_MAX) {
            throw new InvalidInputException(List.of(new FieldError(field, "readmission.error.text")));
        }
        return value;
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, "readmission.error.tooLong"));
        }
    }

    private static LocalDate date(List<FieldError> errors, String field, String text, boolean required) {
        String value = blankToNull(text);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, DATE_MISSING + field));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, DATE_INVALID + field));
            return null;
        }
    }

    /** A date's messages name the date (the summary lists several): these prefixes and the field's name. */
    public static final String DATE_MISSING = "readmission.error.dateMissing.";
    public static final String DATE_INVALID = "readmission.error.dateInvalid.";
    public static final List<String> DATE_FIELDS = List.of("removalOrderDate", "detentionStart", "detentionEnd",
            "asylumDecidedOn", "flightDate", "interviewDate");

    /** The first day a possibly partial birth date may stand for. */
    private static LocalDate earliestBirthDay(BirthDate date) {
        return LocalDate.of(date.year(), Math.max(1, date.month()), Math.max(1, date.day()));
    }

    /** The last day a possibly partial birth date may stand for: a person possibly that young may be a minor. */
    private static LocalDate latestBirthDay(BirthDate date) {
        if (date.month() == 0) {
            return LocalDate.of(date.year(), 12, 31);
        }
        LocalDate month = LocalDate.of(date.year(), date.month(), 1);
        return date.day() == 0 ? month.withDayOfMonth(month.lengthOfMonth()) : month.withDayOfMonth(date.day());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
