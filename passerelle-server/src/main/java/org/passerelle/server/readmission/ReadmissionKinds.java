package org.passerelle.server.readmission;

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
 * The envelope kinds of a readmission case and their payloads (docs/protocol.md). Each payload is a record that
 * writes, reads and declares its own fields. The request carries only the agreement's fields (data minimisation):
 * the person's asylum status, the prefecture's notes and anything else stay in France. The request's payload is
 * public: pages show the case from it.
 */
@Component
public class ReadmissionKinds implements ExchangeKinds {

    public static final String CASE_TYPE = "readmission";
    public static final String REQUEST = "readmission.request";
    public static final String INFORMATION_NEEDED = "readmission.information-needed";
    public static final String INFORMATION = "readmission.information";
    public static final String INTERVIEW = "readmission.interview";
    public static final String IDENTIFIED = "readmission.identified";
    public static final String NOT_IDENTIFIED = "readmission.not-identified";
    public static final String LAISSEZ_PASSER = "readmission.laissez-passer";
    public static final String LAISSEZ_PASSER_REVOKED = "readmission.laissez-passer-revoked";
    public static final String REMOVAL_SCHEDULED = "readmission.removal-scheduled";
    public static final String REMOVED = "readmission.removed";
    public static final String REMOVAL_FAILED = "readmission.removal-failed";
    public static final String WITHDRAWN = "readmission.withdrawn";
    public static final String REMINDER = "readmission.reminder";

    ReadmissionKinds() {
    }

    static final int NAME_MAX = 120;
    static final int NAMES_MAX = 12;
    static final int TEXT_MAX = 4000;
    static final int SHORT_MAX = 200;

    /** The person as the prefecture knows them: names in any script (the first as on the removal order). */
    public record Person(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
            String motherName, List<String> languages, String description) {

        static PayloadSchema schema() {
            return PayloadSchema.object().texts("names", NAMES_MAX, NAME_MAX).oneOf("sex", Set.of("M", "F"))
                    .optionalPartialDate("birthDate").optionalText("birthPlace", SHORT_MAX)
                    .optionalText("fatherName", NAME_MAX).optionalText("motherName", NAME_MAX)
                    .optionalTexts("languages", 10, 60).optionalText("description", TEXT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object();
            ArrayNode nameList = json.putArray("names");
            names.forEach(nameList::add);
            json.put("sex", sex);
            EnvelopeJson.putIfPresent(json, "birthDate", birthDate);
            EnvelopeJson.putIfPresent(json, "birthPlace", birthPlace);
            EnvelopeJson.putIfPresent(json, "fatherName", fatherName);
            EnvelopeJson.putIfPresent(json, "motherName", motherName);
            if (!languages.isEmpty()) {
                ArrayNode languageList = json.putArray("languages");
                languages.forEach(languageList::add);
            }
            EnvelopeJson.putIfPresent(json, "description", description);
            return json;
        }

        static Person of(JsonNode json) {
            return new Person(texts(json.path("names")), json.path("sex").asString(""),
                    EnvelopeJson.optionalText(json, "birthDate"), EnvelopeJson.optionalText(json, "birthPlace"), EnvelopeJson.optionalText(json, "fatherName"),
                    EnvelopeJson.optionalText(json, "motherName"), texts(json.path("languages")), EnvelopeJson.optionalText(json, "description"));
        }

        /** The name to show first: the one on the removal order. */
        public String displayName() {
            return names.isEmpty() ? "" : names.get(0);
        }
    }

    /** The request: who, the removal order, the detention, and where it goes. */
    public record RequestPayload(String prefecture, String consulate, Person person, String orderReference,
            LocalDate orderDate, String detentionCentre, LocalDate detentionStart, LocalDate detentionEnd) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("prefecture", 8).text("consulate", 40)
                    .object("person", Person.schema())
                    .object("removalOrder", PayloadSchema.object().text("reference", 60).date("date"))
                    .object("detention", PayloadSchema.object().text("centre", SHORT_MAX).date("start").date("end"));
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("prefecture", prefecture).put("consulate", consulate);
            json.set("person", person.toJson());
            json.putObject("removalOrder").put("reference", orderReference).put("date", orderDate.toString());
            json.putObject("detention").put("centre", detentionCentre).put("start", detentionStart.toString())
                    .put("end", detentionEnd.toString());
            return json;
        }

        /** Reads a stored payload (null when it was purged: a retracted request). */
        static RequestPayload of(JsonNode json) {
            if (json == null) {
                return null;
            }
            JsonNode order = json.path("removalOrder");
            JsonNode detention = json.path("detention");
            return new RequestPayload(json.path("prefecture").asString(""), json.path("consulate").asString(""),
                    Person.of(json.path("person")), order.path("reference").asString(""),
                    LocalDate.parse(order.path("date").asString()), detention.path("centre").asString(""),
                    LocalDate.parse(detention.path("start").asString()),
                    LocalDate.parse(detention.path("end").asString()));
        }
    }

    /** A question, an answer, a reason, a reminder: free text. */
    record TextPayload(String text) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("text", TEXT_MAX);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("text", text);
        }

        static TextPayload of(JsonNode json) {
            return json == null ? null : new TextPayload(json.path("text").asString(""));
        }
    }

    /** A consular interview: when and where. */
    record InterviewPayload(LocalDate date, String place, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("date").text("place", SHORT_MAX).optionalText("note", TEXT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("date", date.toString()).put("place", place);
            EnvelopeJson.putIfPresent(json, "note", note);
            return json;
        }

        static InterviewPayload of(JsonNode json) {
            return json == null ? null : new InterviewPayload(LocalDate.parse(json.path("date").asString()),
                    json.path("place").asString(""), EnvelopeJson.optionalText(json, "note"));
        }
    }

    /** The person is Moroccan: the registry record the consulate linked (its id in Morocco's registry), and a note. */
    record IdentifiedPayload(String personId, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().optionalText("personId", 64).optionalText("note", TEXT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object();
            EnvelopeJson.putIfPresent(json, "personId", personId);
            EnvelopeJson.putIfPresent(json, "note", note);
            return json;
        }

        static IdentifiedPayload of(JsonNode json) {
            return json == null ? null : new IdentifiedPayload(EnvelopeJson.optionalText(json, "personId"), EnvelopeJson.optionalText(json, "note"));
        }
    }

    /** The laissez-passer: its number, its validity and its seal (the signed data a border officer checks). */
    record LaissezPasserPayload(String number, LocalDate issuedOn, LocalDate validUntil, String seal) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("number", 40).date("issuedOn").date("validUntil").text("seal", 2000);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("number", number).put("issuedOn", issuedOn.toString())
                    .put("validUntil", validUntil.toString()).put("seal", seal);
        }

        static LaissezPasserPayload of(JsonNode json) {
            return json == null ? null : new LaissezPasserPayload(json.path("number").asString(""),
                    LocalDate.parse(json.path("issuedOn").asString()),
                    LocalDate.parse(json.path("validUntil").asString()), json.path("seal").asString(""));
        }
    }

    /** A laissez-passer withdrawn (flight cancelled, reissue): which one, and why. */
    record RevocationPayload(String number, String reason) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("number", 40).text("reason", TEXT_MAX);
        }

        ObjectNode toJson() {
            return EnvelopeJson.object().put("number", number).put("reason", reason);
        }

        static RevocationPayload of(JsonNode json) {
            return json == null ? null
                    : new RevocationPayload(json.path("number").asString(""), json.path("reason").asString(""));
        }
    }

    /** The flight booked: its date and the escort. */
    record FlightPayload(LocalDate flightDate, String escort) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("flightDate").optionalText("escort", SHORT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("flightDate", flightDate.toString());
            EnvelopeJson.putIfPresent(json, "escort", escort);
            return json;
        }

        static FlightPayload of(JsonNode json) {
            return json == null ? null
                    : new FlightPayload(LocalDate.parse(json.path("flightDate").asString()), EnvelopeJson.optionalText(json, "escort"));
        }
    }

    /** The removal's outcome: carried out on a date, or failed on a date for a reason. */
    record OutcomePayload(LocalDate date, RemovalFailure reason, String note) {

        static PayloadSchema removed() {
            return PayloadSchema.object().date("date").optionalText("note", TEXT_MAX);
        }

        static PayloadSchema failed() {
            Set<String> reasons = Arrays.stream(RemovalFailure.values()).map(RemovalFailure::apiName)
                    .collect(Collectors.toSet());
            return PayloadSchema.object().date("date").oneOf("reason", reasons).optionalText("note", TEXT_MAX);
        }

        ObjectNode toJson() {
            ObjectNode json = EnvelopeJson.object().put("date", date.toString());
            if (reason != null) {
                json.put("reason", reason.apiName());
            }
            EnvelopeJson.putIfPresent(json, "note", note);
            return json;
        }

        static OutcomePayload of(JsonNode json) {
            return json == null ? null : new OutcomePayload(LocalDate.parse(json.path("date").asString()),
                    json.has("reason") ? RemovalFailure.ofApiName(json.path("reason").asString()).orElse(null) : null,
                    EnvelopeJson.optionalText(json, "note"));
        }
    }

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(REQUEST, RequestPayload.schema());
        for (String textKind : List.of(INFORMATION_NEEDED, INFORMATION, NOT_IDENTIFIED, WITHDRAWN, REMINDER)) {
            kinds.register(textKind, TextPayload.schema());
        }
        kinds.register(INTERVIEW, InterviewPayload.schema());
        kinds.register(IDENTIFIED, IdentifiedPayload.schema());
        kinds.register(LAISSEZ_PASSER, LaissezPasserPayload.schema());
        kinds.register(LAISSEZ_PASSER_REVOKED, RevocationPayload.schema());
        kinds.register(REMOVAL_SCHEDULED, FlightPayload.schema());
        kinds.register(REMOVED, OutcomePayload.removed());
        kinds.register(REMOVAL_FAILED, OutcomePayload.failed());
    }


    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asString()));
        return List.copyOf(values);
    }
}
