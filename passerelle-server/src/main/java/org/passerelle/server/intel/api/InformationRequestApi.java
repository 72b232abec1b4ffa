package org.passerelle.server.intel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.server.exchange.Delivery;
import org.passerelle.server.exchange.EnvelopeRecord;
import org.passerelle.server.intel.CaseTeams;
import org.passerelle.server.intel.InformationRequestState;
import org.passerelle.server.intel.InformationRequestSummary;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.NewInformationRequest;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Information requests over the API, with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/information-requests")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "information requests")
@SecurityRequirement(name = "token")
class InformationRequestApi {

    /** Shown and exported with every H1 message, as the handling code requires. */
    static final String H1_NOTICE = "H1 — NOT FOR USE IN COURT without the provider's permission";
    static final String H2_NOTICE = "H2 — NOT TO BE PASSED ON without the provider's permission";

    private final InformationRequests requests;

    InformationRequestApi(InformationRequests requests) {
        this.requests = requests;
    }

    record Created(String caseId) {
    }

    record Text(String text) {
    }

    record Reason(String reason) {
    }

    record Party(String to) {
    }

    record MessageView(String envelopeId, String kind, String from, Instant sentAt, String text, String handlingCode,
            String grading, String restriction, String notice, boolean retracted, boolean corrected) {
    }

    record EnvelopeView(String id, String kind, String from, List<String> to, Instant sentAt, String hash,
            boolean incoming, boolean signatureValid, boolean purged, List<Delivery> deliveries) {
    }

    record ThreadView(InformationRequestState state, boolean overdue, List<MessageView> messages,
            List<EnvelopeView> envelopes, List<CaseTeams.Member> team) {
    }

    record Colleague(String username) {
    }

    @Operation(summary = "Information requests the caller may see (their team's and those not taken yet), newest first"
            + " (overdue=true: past their due time), a page at a time; the header X-Total-Count gives how many there are")
    @GetMapping
    ResponseEntity<List<InformationRequestSummary>> list(Viewer viewer,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page<InformationRequestSummary> found = requests.list(viewer, overdue, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.items());
    }

    @Operation(summary = "Ask the other party for information")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created open(Viewer viewer, @RequestBody NewInformationRequest request) {
        return new Created(requests.open(viewer, request, List.of()));
    }

    @Operation(summary = "A request's state, messages (with handling notices) and envelopes (with receipts)")
    @GetMapping("/{caseId}")
    ThreadView read(Viewer viewer, @PathVariable String caseId) {
        InformationRequests.Thread thread = requests.read(viewer, caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<MessageView> messages = thread.state().messages().stream().map(m -> new MessageView(m.envelopeId(), m.kind(),
                m.from(), m.sentAt(), m.text(), m.handling().code().name(), m.handling().grading(),
                m.handling().restriction(), notice(m.handling().code()), m.retracted(), m.corrected())).toList();
        List<EnvelopeView> envelopes = thread.envelopes().stream().map(InformationRequestApi::view).toList();
        return new ThreadView(thread.state(), thread.overdue(), messages, envelopes, thread.team());
    }

    @Operation(summary = "Take an unassigned request (your own username) or add a colleague to its team (members)")
    @PostMapping("/{caseId}/team")
    void addToTeam(Viewer viewer, @PathVariable String caseId, @RequestBody Colleague colleague) {
        requests.addToTeam(viewer, caseId, colleague.username());
    }

    @Operation(summary = "Answer (responder)")
    @PostMapping("/{caseId}/answer")
    void answer(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        requests.answer(viewer, caseId, text.text());
    }

    @Operation(summary = "Ask the requester a question before answering (responder)")
    @PostMapping("/{caseId}/question")
    void askBack(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        requests.askBack(viewer, caseId, text.text());
    }

    @Operation(summary = "Answer the responder's question (requester)")
    @PostMapping("/{caseId}/clarification")
    void clarify(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        requests.clarify(viewer, caseId, text.text());
    }

    @Operation(summary = "Decline with a reason (responder)")
    @PostMapping("/{caseId}/decline")
    void decline(Viewer viewer, @PathVariable String caseId, @RequestBody Text text) {
        requests.decline(viewer, caseId, text.text());
    }

    @Operation(summary = "Retract one of this node's messages: the other party purges it and confirms")
    @PostMapping("/{caseId}/messages/{envelopeId}/retraction")
    void retract(Viewer viewer, @PathVariable String caseId, @PathVariable String envelopeId,
            @RequestBody Reason reason) {
        requests.retract(viewer, caseId, envelopeId, reason.reason());
    }

    @Operation(summary = "Consent to the other party passing one of this node's messages on to a third party")
    @PostMapping("/{caseId}/messages/{envelopeId}/consent")
    void consent(Viewer viewer, @PathVariable String caseId, @PathVariable String envelopeId,
            @RequestBody Party party) {
        requests.consent(viewer, caseId, envelopeId, party.to());
    }

    @Operation(summary = "Pass a message on to a third party (refused for H2 content without the originator's consent)")
    @PostMapping("/{caseId}/messages/{envelopeId}/forward")
    void forward(Viewer viewer, @PathVariable String caseId, @PathVariable String envelopeId,
            @RequestBody Party party) {
        requests.forward(viewer, caseId, envelopeId, party.to());
    }

    static String notice(HandlingCode code) {
        return switch (code) {
            case H1 -> H1_NOTICE;
            case H2 -> H2_NOTICE;
            default -> null;
        };
    }

    private static EnvelopeView view(EnvelopeRecord r) {
        return new EnvelopeView(r.envelope().id(), r.envelope().kind(), r.envelope().from(), r.envelope().to(),
                r.envelope().sentAt(), r.envelope().hash(), r.incoming(), r.signatureValid(), r.purged(), r.deliveries());
    }
}
