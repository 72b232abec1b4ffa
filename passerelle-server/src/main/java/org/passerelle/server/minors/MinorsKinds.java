package org.passerelle.server.minors;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.passerelle.protocol.KindRegistry;
import org.passerelle.protocol.PayloadSchema;
import org.passerelle.server.exchange.ExchangeKinds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope kinds of a minor's case and their payloads (docs/protocol.md). Each payload is a record that declares
 * its fields in a schema; records are written and read by one mapper that leaves absent members out. Steps a second
 * person must approve (the assessment, the determination) name who recorded them; an approval names the step's
 * envelope and its approver.
 */
@Component
public class MinorsKinds implements ExchangeKinds {

    public static final String CASE_TYPE = "minors";
    public static final String CASE = "minors.case";
    public static final String IDENTIFICATION = "minors.identification";
    public static final String HOME_ASSESSMENT = "minors.home-assessment";
    public static final String ASSESSMENT = "minors.assessment";
    public static final String DETERMINATION = "minors.determination";
    public static final String APPROVAL = "minors.approval";
    public static final String JUDGE_DECISION = "minors.judge-decision";
    public static final String CARE_ARRANGEMENT = "minors.care-arrangement";
    public static final String FOLLOW_UP_PLAN = "minors.follow-up-plan";
    public static final String RETURN_SCHEDULED = "minors.return-scheduled";
    public static final String RETURNED = "minors.returned";
    public static final String FOLLOW_UP_VISIT = "minors.follow-up-visit";
    public static final String FAMILY_TRACED = "minors.family-traced";
    public static final String PURGED = "minors.purged";

    static final int NAME_MAX = 120;
    static final int SHORT_MAX = 200;
    static final int TEXT_MAX = 4000;
    static final int ID_MAX = 100;

    /** Determinations a panel may reach (UNHCR BIP 2021, as the December 2020 action plan frames them). */
    public static final Set<String> DETERMINATIONS = Set.of("return-to-family", "return-to-centre", "stay-in-france");

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    MinorsKinds() {
    }

    static ObjectNode write(Object payload) {
        return JSON.valueToTree(payload);
    }

    static <T> T read(JsonNode json, Class<T> type) {
        return JSON.treeToValue(json, type);
    }

    /** The minor as France knows them: names in any script, birth (possibly partial), parents' names. */
    public record Person(List<String> names, String sex, String birthDate, String birthPlace, String fatherName,
            String motherName) {

        static PayloadSchema schema() {
            return PayloadSchema.object().texts("names", 12, NAME_MAX).oneOf("sex", Set.of("M", "F"))
                    .optionalPartialDate("birthDate").optionalText("birthPlace", SHORT_MAX)
                    .optionalText("fatherName", NAME_MAX).optionalText("motherName", NAME_MAX);
        }

        public String displayName() {
            return names.isEmpty() ? "" : names.get(0);
        }
    }

    /** How the age was assessed and what was concluded; a doubt benefits the person (they are taken as a minor). */
    public record AgeAssessment(String method, String conclusion) {

        static PayloadSchema schema() {
            return PayloadSchema.object().oneOf("method", Set.of("documents", "interview", "medical", "combined"))
                    .text("conclusion", SHORT_MAX);
        }
    }

    /**
     * France's record and its identification and family-tracing request.
     *
     * @param tracingConsent {@code given} when the child (and their representative) agreed that their family be traced;
     *        without it Morocco identifies the child but matches no family's request against them
     */
    public record CasePayload(Person person, AgeAssessment ageAssessment, String judge, String placement,
            String guardian, String reference, String tracingConsent) {

        static PayloadSchema schema() {
            return PayloadSchema.object().object("person", Person.schema())
                    .object("ageAssessment", AgeAssessment.schema()).text("judge", SHORT_MAX)
                    .text("placement", SHORT_MAX).optionalText("guardian", SHORT_MAX).text("reference", 20)
                    .optionalOneOf("tracingConsent", Set.of("given", "refused"));
        }

        public boolean tracingAllowed() {
            return "given".equals(tracingConsent);
        }
    }

    /** Morocco found the child's family through a family's tracing request, a person having confirmed the match. */
    public record FamilyTracedPayload(String tracingReference, String fatherName, String motherName, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("tracingReference", 20).optionalText("fatherName", NAME_MAX)
                    .optionalText("motherName", NAME_MAX).optionalText("note", TEXT_MAX);
        }
    }

    /** Morocco's answer: identified (with the registry's record, if any) or not, and a note. */
    public record IdentificationPayload(String outcome, String personId, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().oneOf("outcome", Set.of("identified", "not-identified"))
                    .optionalText("personId", 64).optionalText("note", TEXT_MAX);
        }
    }

    /** The family's situation as Morocco's services found it, and whether the family would take the child back. */
    public record HomeAssessmentPayload(String situation, String familyWilling) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("situation", TEXT_MAX)
                    .oneOf("familyWilling", Set.of("yes", "no", "unknown"));
        }
    }

    /** The best-interests assessment: the child heard (when, by whom, in what language, interpreter), the findings. */
    public record AssessmentPayload(LocalDate heardOn, String heardBy, String language, String interpreter,
            String views, String family, String health, String schooling, String integration, String recordedBy) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("heardOn").text("heardBy", SHORT_MAX).text("language", 60)
                    .optionalText("interpreter", SHORT_MAX).text("views", TEXT_MAX).text("family", TEXT_MAX)
                    .text("health", TEXT_MAX).text("schooling", TEXT_MAX).text("integration", TEXT_MAX)
                    .text("recordedBy", NAME_MAX);
        }
    }

    /** The panel's reasoned decision; its members signed a confidentiality undertaking. */
    public record DeterminationPayload(LocalDate date, List<String> panel, String decision, String reasons,
            String recordedBy) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("date").texts("panel", 10, NAME_MAX).oneOf("decision", DETERMINATIONS)
                    .text("reasons", TEXT_MAX).text("recordedBy", NAME_MAX);
        }
    }

    /** A second person's approval of a step (named by its envelope id). */
    public record ApprovalPayload(String step, String approver) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("step", ID_MAX).text("approver", NAME_MAX);
        }
    }

    /** The juvenile judge's decision: whether it authorises the return, and its text. */
    public record JudgeDecisionPayload(LocalDate date, String authorises, String text) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("date").oneOf("authorises", Set.of("return", "stay"))
                    .text("text", TEXT_MAX);
        }
    }

    /** Where the child will live: the family (its acceptance recorded) or a reserved place in a centre. */
    public record CareArrangementPayload(String kind, LocalDate familyAcceptedOn, String centre, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().oneOf("kind", Set.of("family", "centre")).optionalDate("familyAcceptedOn")
                    .optionalText("centre", 40).optionalText("note", TEXT_MAX);
        }
    }

    /** Who follows the child after return, and at which months. */
    public record FollowUpPlanPayload(String office, List<String> months) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("office", SHORT_MAX).texts("months", 6, 2);
        }
    }

    /** The return: its date (scheduled, or carried out). */
    public record ReturnPayload(LocalDate date) {

        static PayloadSchema schema() {
            return PayloadSchema.object().date("date");
        }
    }

    /** A follow-up visit after return: which month of the plan, when, and what was found. */
    public record VisitPayload(String month, LocalDate date, String note) {

        static PayloadSchema schema() {
            return PayloadSchema.object().text("month", 2).date("date").text("note", TEXT_MAX);
        }
    }

    /**
     * The notice that a party's retention rule ended the case: both nodes drop every payload of its thread but this
     * notice, which holds nothing personal; the receipt of it is the other node's confirmation.
     */
    public record PurgePayload(String rule, LocalDate dueOn) {

        static PayloadSchema schema() {
            return PayloadSchema.object().oneOf("rule", Set.of("after-closure", "after-majority")).date("dueOn");
        }
    }

    @Override
    public void register(KindRegistry kinds) {
        kinds.register(CASE, CasePayload.schema());
        kinds.register(IDENTIFICATION, IdentificationPayload.schema());
        kinds.register(HOME_ASSESSMENT, HomeAssessmentPayload.schema());
        kinds.register(ASSESSMENT, AssessmentPayload.schema());
        kinds.register(DETERMINATION, DeterminationPayload.schema());
        kinds.register(APPROVAL, ApprovalPayload.schema());
        kinds.register(JUDGE_DECISION, JudgeDecisionPayload.schema());
        kinds.register(CARE_ARRANGEMENT, CareArrangementPayload.schema());
        kinds.register(FOLLOW_UP_PLAN, FollowUpPlanPayload.schema());
        kinds.register(RETURN_SCHEDULED, ReturnPayload.schema());
        kinds.register(RETURNED, ReturnPayload.schema());
        kinds.register(FOLLOW_UP_VISIT, VisitPayload.schema());
        kinds.register(FAMILY_TRACED, FamilyTracedPayload.schema());
        kinds.register(PURGED, PurgePayload.schema());
    }
}
