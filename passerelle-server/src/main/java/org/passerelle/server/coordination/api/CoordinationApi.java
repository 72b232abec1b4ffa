package org.passerelle.server.coordination.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.coordination.CoordinationKinds;
import org.passerelle.server.coordination.IndicatorReport;
import org.passerelle.server.coordination.IndicatorsCsv;
import org.passerelle.server.coordination.MeetingState;
import org.passerelle.server.coordination.NewDecision;
import org.passerelle.server.coordination.NewMeeting;
import org.passerelle.server.shared.FieldChecks;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.InvalidInputException.FieldError;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The joint group over the API, with the rules of the pages. The paths of issue 19 are a contract: the indicators
 * (JSON or CSV, the same on both nodes), meetings, a meeting, its decisions, action items, the meeting pack.
 */
@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "coordination")
@SecurityRequirement(name = "token")
class CoordinationApi {

    /** The message of a malformed month in a period. */
    private static final String MONTH = "coordination.error.month";

    private final Coordination coordination;

    CoordinationApi(Coordination coordination) {
        this.coordination = coordination;
    }

    record Created(String id) {
    }

    record MeetingListItem(String id, String type, String title, LocalDate date, String place, String calledBy,
            String status, int decisions) {
    }

    record ApprovalView(String party, String coChair, Instant at) {
    }

    record MinutesView(String envelopeId, String fr, String ar, String writtenBy, Instant at, int version) {
    }

    record ProgressView(String party, String status, String note, Instant at) {
    }

    record ActionView(String party, String office, LocalDate due, String status, boolean overdue,
            List<ProgressView> progress) {
    }

    record DecisionView(String id, String text, String agendaItem, String takenBy, Instant at, List<String> links,
            ActionView action) {
    }

    record AgendaView(String title, String purpose, String addedBy) {
    }

    /** A meeting: the same record on both nodes. */
    record MeetingView(String id, String type, String title, LocalDate date, String place, String calledBy,
            List<String> parties, String status, List<CoordinationKinds.Participant> participants,
            List<AgendaView> agenda, MinutesView minutes, List<ApprovalView> approvals, List<DecisionView> decisions) {

        static MeetingView of(MeetingState s, LocalDate today) {
            MeetingState.Minutes m = s.minutes();
            return new MeetingView(s.caseId(), s.meeting().type().apiName(), s.meeting().title(), s.meeting().date(),
                    s.meeting().place(), s.calledBy(), s.parties(), s.status().apiName(), s.participants(),
                    s.agenda().stream().map(a -> new AgendaView(a.item().title(),
                            a.item().forDecision() ? "decision" : "information", a.addedBy())).toList(),
                    m == null ? null : new MinutesView(m.envelopeId(), m.french(), m.arabic(), m.writtenBy(), m.at(),
                            s.minutesVersions()),
                    s.approvals().stream().map(a -> new ApprovalView(a.party(), a.coChair(), a.at())).toList(),
                    s.decisions().stream().map(d -> new DecisionView(d.id(), d.text(), d.agendaItem(), d.takenBy(),
                            d.at(), d.links(), d.action() == null ? null : new ActionView(d.action().ownerParty(),
                                    d.action().office(), d.action().due(), d.actionStatus().apiName(),
                                    d.overdueOn(today), d.progress().stream().map(p -> new ProgressView(p.party(),
                                            p.status().apiName(), p.note(), p.at())).toList()))).toList());
        }
    }

    record ParticipantBody(String party, String name, String function) {
    }

    record AgendaItemBody(String title, String purpose) {
    }

    /** A meeting to call: {@code type} is plenary, technical, consuls or prefects; {@code date} YYYY-MM-DD. */
    record MeetingBody(String type, String title, String date, String place, List<ParticipantBody> participants,
            List<AgendaItemBody> agenda) {

        NewMeeting toMeeting() {
            return new NewMeeting(type, title, date, place,
                    participants == null ? null : participants.stream()
                            .map(p -> new NewMeeting.Participant(p.party(), p.name(), p.function())).toList(),
                    agenda == null ? null : agenda.stream()
                            .map(a -> new NewMeeting.AgendaItem(a.title(), a.purpose())).toList());
        }
    }

    record ActionBody(String party, String office, String due) {
    }

    /** A decision; with {@code action} (party, office, due) it becomes an action item. */
    record DecisionBody(String text, String agendaItem, ActionBody action, List<String> links) {
    }

    record MinutesBody(String fr, String ar) {
    }

    record ApprovalBody(String coChair) {
    }

    record ProgressBody(String status, String note) {
    }

    record ActionItemView(String decisionId, String meetingId, String meetingTitle, LocalDate meetingDate,
            String decision, String party, String office, LocalDate due, String status, boolean overdue,
            String lastNote) {
    }

    @Operation(summary = "Every module's shared indicators by month, prefecture and consulate, for the months from"
            + " 'from' to 'to' (YYYY-MM); the same on both nodes; format=csv for a CSV file")
    @GetMapping("/indicators")
    ResponseEntity<?> indicators(Viewer viewer, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        IndicatorReport report = coordination.indicators(viewer,
                FieldChecks.month("from", from, coordination.defaultFrom(), MONTH),
                FieldChecks.month("to", to, coordination.thisMonth(), MONTH));
        if ("csv".equals(format)) {
            return Downloads.csv(IndicatorsCsv.of(report), IndicatorsCsv.fileName(report));
        }
        if (!"json".equals(format)) {
            throw new InvalidInputException(List.of(new FieldError("format", "coordination.error.format")));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @Operation(summary = "The meetings, latest first, a page at a time; X-Total-Count gives how many there are")
    @GetMapping("/meetings")
    ResponseEntity<List<MeetingListItem>> meetings(Viewer viewer, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        var found = coordination.meetings(viewer, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.items().stream().map(m -> new MeetingListItem(m.caseId(), m.type().apiName(), m.title(),
                        m.date(), m.place(), m.calledBy(), m.status().apiName(), m.decisions())).toList());
    }

    @Operation(summary = "Call a meeting: sent to the other party, which holds the same record")
    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    Created callMeeting(Viewer viewer, @RequestBody MeetingBody body) {
        return new Created(coordination.callMeeting(viewer, body.toMeeting()));
    }

    @Operation(summary = "A meeting: participants, agenda, minutes and their approvals, decisions and action items")
    @GetMapping("/meetings/{id}")
    MeetingView meeting(Viewer viewer, @PathVariable String id) {
        return coordination.meeting(viewer, id).map(s -> MeetingView.of(s, coordination.today()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Operation(summary = "Add an item to a meeting's agenda (purpose: information or decision)")
    @PostMapping("/meetings/{id}/agenda-items")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addAgendaItem(Viewer viewer, @PathVariable String id, @RequestBody AgendaItemBody body) {
        coordination.addAgendaItem(viewer, id, body.title(), body.purpose());
    }

    @Operation(summary = "Propose a version of the minutes, in French and Arabic; earlier approvals are set aside")
    @PostMapping("/meetings/{id}/minutes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void proposeMinutes(Viewer viewer, @PathVariable String id, @RequestBody MinutesBody body) {
        coordination.proposeMinutes(viewer, id, body.fr(), body.ar());
    }

    @Operation(summary = "This party's co-chair approves the latest minutes (409 when none, or already approved)")
    @PostMapping("/meetings/{id}/approvals")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(Viewer viewer, @PathVariable String id, @RequestBody(required = false) ApprovalBody body) {
        coordination.approveMinutes(viewer, id, body == null ? null : body.coChair());
    }

    @Operation(summary = "Record a decision of the meeting; with an action (party, office, due) it is an action item")
    @PostMapping("/meetings/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordDecision(Viewer viewer, @PathVariable String id, @RequestBody DecisionBody body) {
        ActionBody action = body.action() == null ? new ActionBody(null, null, null) : body.action();
        return new Created(coordination.recordDecision(viewer, id, new NewDecision(body.text(), body.agendaItem(),
                action.party(), action.office(), action.due(), body.links())));
    }

    @Operation(summary = "The meeting's pack as a PDF in Arabic or French (lang=ar|fr)")
    @GetMapping(value = "/meetings/{id}/pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pack(Viewer viewer, @PathVariable String id, @RequestParam(defaultValue = "fr") String lang) {
        return Downloads.pdf(coordination.pack(viewer, id, lang), "meeting-pack-" + lang + ".pdf");
    }

    @Operation(summary = "Action items, pending first and soonest due; overdue=true for the overdue ones only")
    @GetMapping("/action-items")
    ResponseEntity<List<ActionItemView>> actionItems(Viewer viewer,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        var found = coordination.actionItems(viewer, overdue, page, size);
        LocalDate today = coordination.today();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.items().stream().map(a -> new ActionItemView(a.decisionId(), a.caseId(),
                        a.meetingTitle(), a.meetingDate(), a.decision(), a.ownerParty(), a.office(), a.due(),
                        a.status().apiName(), a.overdueOn(today), a.lastNote())).toList());
    }

    @Operation(summary = "Report progress on an action item (status: open, in-progress, done, dropped)")
    @PostMapping("/action-items/{decisionId}/progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void progress(Viewer viewer, @PathVariable String decisionId, @RequestBody ProgressBody body) {
        coordination.reportProgress(viewer, decisionId, body.status(), body.note());
    }
}
