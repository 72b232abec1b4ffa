package org.passerelle.server.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope kinds of a meeting of the joint group and their payloads (docs/protocol.md). A meeting is one thread
 * that both parties write to: the meeting itself, agenda items added while preparing it, the minutes (each version
 * replaces the one before), each co-chair's approval of a version, decisions with their action items, and progress
 * on those items.
 */
@Component
public class CoordinationKinds implements ExchangeKinds {

    public static final String CASE_TYPE = "coordination";
    public static final String MEETING = "coordination.meeting";
    public static final String AGENDA_ITEM = "coordination.agenda-item";
    public static final String MINUTES = "coordination.minutes";
    public static final String MINUTES_APPROVED = "coordination.minutes-approved";
    public static final String DECISION = "coordination.decision";
    public static final String ACTION_PROGRESS = "coordination.action-progress";

    static final int TITLE_MAX = 300;
    static final int NAME_MAX = 120;
    static final int TEXT_MAX = 4000;
    static final int MINUTES_MAX = 40_000;
    static final int PARTICIPANTS_MAX = 80;
    static final int AGENDA_MAX = 40;
    static final int LINKS_MAX = 10;
    static final int ID_MAX = 100;

    CoordinationKinds() {
    }

    /** A person at the meeting, of either party. */
    public record Participant(String party, String name, String function) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("party", 8).text("name", NAME_MAX).optionalText("function", TITLE_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("party", party).put("name", name);
            EnvelopeJson.putIfPresent(json, "function", function);
            return json;
        }

        static Participant of(JsonNode json) {
            return new Participant(json.path("party").asString(""), json.path("name").asString(""),
                    EnvelopeJson.optionalText(json, "function"));
        }
    }

    /** An item of the agenda: for information, or a decision to take. */
    public record AgendaItem(String title, boolean forDecision) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("title", TITLE_MAX).oneOf("purpose", Set.of("information", "decision"));
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("title", title).put("purpose", forDecision ? "decision" : "information");
        }

        static AgendaItem of(JsonNode json) {
            return new AgendaItem(json.path("title").asString(""), "decision".equals(json.path("purpose").asString()));
        }
    }

    /** The meeting: what, when, where, who, and its agenda as first set. */
    public record MeetingPayload(MeetingType type, String title, LocalDate date, String place,
            List<Participant> participants, List<AgendaItem> agenda) {

        static PayloadSchema schema() {
            return PayloadSchema.object()
                    .oneOf("type", Arrays.stream(MeetingType.values()).map(MeetingType::apiName)
                            .collect(Collectors.toSet()))
                    .text("title", TITLE_MAX).date("date").text("place", TITLE_MAX)
                    .optionalObjects("participants", PARTICIPANTS_MAX, Participant.schema())
                    .optionalObjects("agenda", AGENDA_MAX, AgendaItem.schema());
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("type", type.apiName()).put("title", title)
                    .put("date", date.toString()).put("place", place);
            ArrayNode people = json.putArray("participants");
            participants.forEach(p -> people.add(p.toJson()));
            ArrayNode items = json.putArray("agenda");
            agenda.forEach(a -> items.add(a.toJson()));
            return json;
        }

        static MeetingPayload of(JsonNode json) {
            List<Participant> people = new ArrayList<>();
            json.path("participants").forEach(p -> people.add(Participant.of(p)));
            List<AgendaItem> items = new ArrayList<>();
            json.path("agenda").forEach(a -> items.add(AgendaItem.of(a)));
            return new MeetingPayload(MeetingType.ofApiName(json.path("type").asString()).orElse(MeetingType.PLENARY),
                    json.path("title").asString(""), LocalDate.parse(json.path("date").asString()),
                    json.path("place").asString(""), List.copyOf(people), List.copyOf(items));
        }
    }

    /** A version of the minutes, in both languages. */
    public record MinutesPayload(String french, String arabic) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("fr", MINUTES_MAX).text("ar", MINUTES_MAX);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("fr", french).put("ar", arabic);
        }

        static MinutesPayload of(JsonNode json) {
            return new MinutesPayload(json.path("fr").asString(""), json.path("ar").asString(""));
        }
    }

    /** A co-chair's approval of one version of the minutes (named by its envelope's id). */
    public record ApprovalPayload(String minutes, String coChair) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("minutes", ID_MAX).text("coChair", NAME_MAX);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("minutes", minutes).put("coChair", coChair);
        }

        static ApprovalPayload of(JsonNode json) {
            return new ApprovalPayload(json.path("minutes").asString(""), json.path("coChair").asString(""));
        }
    }

    /** Who carries out a decision, and by when: the decision's action item. */
    public record Action(String ownerParty, String office, LocalDate due) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("party", 8).text("office", TITLE_MAX).date("due");
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("party", ownerParty).put("office", office).put("due", due.toString());
        }

        static Action of(JsonNode json) {
            return json == null || json.isMissingNode() || json.isNull() ? null
                    : new Action(json.path("party").asString(""), json.path("office").asString(""),
                            LocalDate.parse(json.path("due").asString()));
        }
    }

    /**
     * A decision of the meeting, in either language or both; with an action when someone must carry it out.
     *
     * @param links what it concerns: indicator keys or case references
     */
    public record DecisionPayload(String text, String agendaItem, Action action, List<String> links) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("text", TEXT_MAX).optionalText("agendaItem", TITLE_MAX)
                    .optionalObject("action", Action.schema()).optionalTexts("links", LINKS_MAX, 200);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("text", text);
            EnvelopeJson.putIfPresent(json, "agendaItem", agendaItem);
            if (action != null) {
                json.set("action", action.toJson());
            }
            if (!links.isEmpty()) {
                ArrayNode list = json.putArray("links");
                links.forEach(list::add);
            }
            return json;
        }

        static DecisionPayload of(JsonNode json) {
            List<String> links = new ArrayList<>();
            json.path("links").forEach(l -> links.add(l.asString()));
            return new DecisionPayload(json.path("text").asString(""), EnvelopeJson.optionalText(json, "agendaItem"),
                    Action.of(json.get("action")), List.copyOf(links));
        }
    }

    /** Progress on a decision's action item (named by the decision's envelope id). */
    public record ProgressPayload(String decision, ActionStatus status, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("decision", ID_MAX)
                    .oneOf("status", Arrays.stream(ActionStatus.values()).map(ActionStatus::apiName)
                            .collect(Collectors.toSet()))
                    .optionalText("note", TEXT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("decision", decision).put("status", status.apiName());
            EnvelopeJson.putIfPresent(json, "note", note);
            return json;
        }

        static ProgressPayload of(JsonNode json) {
            return new ProgressPayload(json.path("decision").asString(""),
                    ActionStatus.ofApiName(json.path("status").asString()).orElse(ActionStatus.OPEN), EnvelopeJson.optionalText(json, "note"));
        }
    }

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(MEETING, MeetingPayload.schema());
        kinds.register(AGENDA_ITEM, AgendaItem.schema());
        kinds.register(MINUTES, MinutesPayload.schema());
        kinds.register(MINUTES_APPROVED, ApprovalPayload.schema());
        kinds.register(DECISION, DecisionPayload.schema());
        kinds.register(ACTION_PROGRESS, ProgressPayload.schema());
    }
}
