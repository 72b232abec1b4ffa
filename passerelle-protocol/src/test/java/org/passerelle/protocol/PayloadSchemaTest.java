package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PayloadSchemaTest {

    private static final PayloadSchema SCHEMA = PayloadSchema.object()
            .text("reference", 20)
            .oneOf("sex", Set.of("M", "F"))
            .object("person", PayloadSchema.object().texts("names", 3, 10).optionalPartialDate("birthDate"))
            .date("end")
            .optionalTexts("languages", 2, 10);

    private static JsonNode json(String text) {
        return new JsonMapper().readTree(text);
    }

    private static String violation(String payload) {
        return SCHEMA.violation(json(payload)).orElse("fits");
    }

    @Test
    void aPayloadOfTheShapeFits() {
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal","أمل"],"birthDate":"1990-02"},"end":"2026-03-01"}
                """)).isEqualTo("fits");
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":[]},"end":"2026-03-01"}""")).isEqualTo("'person.names' is empty");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal"],"birthDate":"1990-13"},"end":"2026-03-01"}"""))
                .isEqualTo("'person.birthDate' must be YYYY, YYYY-MM or YYYY-MM-DD");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal"],"age":3},"end":"2026-03-01"}"""))
                .isEqualTo("unexpected field 'person.age'");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":"Amal","end":"2026-03-01"}""")).isEqualTo("'person' must be an object");
    }

    @Test
    void datesListsAndWordsAreChecked() {
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal"]},"end":"2026-02-30"}"""))
                .isEqualTo("'end' must be a date YYYY-MM-DD");
        assertThat(violation("""
                {"reference":"R1","sex":"X","person":{"names":["Amal"]},"end":"2026-02-03"}""")).startsWith("'sex' must be one of");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal","B","C","D"]},"end":"2026-02-03"}"""))
                .isEqualTo("'person.names' has more than 3 items");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal", 3]},"end":"2026-02-03"}"""))
                .isEqualTo("'person.names[]' must be a string");
        assertThat(violation("""
                {"reference":"R1","sex":"F","person":{"names":["Amal"]},"end":"2026-02-03","languages":[" "]}"""))
                .isEqualTo("'languages' holds an empty item");
        assertThat(violation("""
                {"sex":"F","person":{"names":["Amal"]},"end":"2026-02-03"}""")).isEqualTo("missing field 'reference'");
    }

    @Test
    void listsOfObjectsAreCheckedItemByItem() {
        PayloadSchema agenda = PayloadSchema.object().optionalObjects("items", 2,
                PayloadSchema.object().text("title", 10).optionalOneOf("decision", Set.of("yes", "no")));
        assertThat(agenda.violation(json("{\"items\":[{\"title\":\"Budget\",\"decision\":\"yes\"}]}"))).isEmpty();
        assertThat(agenda.violation(json("{}"))).isEmpty();
        assertThat(agenda.violation(json("{\"items\":[{\"title\":\"\"}]}"))).contains("'items[].title' is empty");
        assertThat(agenda.violation(json("{\"items\":[{\"title\":\"a\"},{\"title\":\"b\"},{\"title\":\"c\"}]}")))
                .contains("'items' has more than 2 items");
        assertThat(agenda.violation(json("{\"items\":{\"title\":\"a\"}}"))).contains("'items' must be a list");
        assertThat(agenda.violation(json("{\"items\":[\"a\"]}"))).contains("'items[]' must be an object");
    }
}
