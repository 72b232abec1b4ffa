package org.passerelle.graph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonWriterTest {
    @Test
    void escapesEverythingJsonRequires() {
        assertThat(JsonWriter.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(JsonWriter.quote("line\nnext\ttab\r\b\f")).isEqualTo("\"line\\nnext\\ttab\\r\\b\\f\"");
        assertThat(JsonWriter.quote("\u0001\u001f")).isEqualTo("\"\\u0001\\u001f\"");
        assertThat(JsonWriter.quote("\u2028")).isEqualTo("\"\\u2028\"");
        assertThat(JsonWriter.quote("محمد / Müller 😀")).isEqualTo("\"محمد / Müller 😀\"");
        assertThat(JsonWriter.quote("lone \ud800 surrogate")).isEqualTo("\"lone \\ud800 surrogate\"");
        assertThat(JsonWriter.quote("\udc00")).isEqualTo("\"\\udc00\"");
    }

    @Test
    void writesNestedDocumentsThatParseBack() throws IOException {
        StringWriter out = new StringWriter();
        JsonWriter json = new JsonWriter(out);
        json.beginObject()
                .name("name").value("Réseau \"Nord\"\n")
                .name("count").value(3)
                .name("ratio").value(0.25)
                .name("missing").value(Double.NaN)
                .name("flag").value(true)
                .name("none").nullValue()
                .name("empty").beginArray().endArray()
                .name("emptyObject").beginObject().endObject()
                .name("list").beginArray().value("a").beginArray().value(1).value(2).endArray().endArray()
                .endObject();
        json.finish();

        JsonNode parsed = new JsonMapper().readTree(out.toString());
        assertThat(parsed.get("name").asString()).isEqualTo("Réseau \"Nord\"\n");
        assertThat(parsed.get("count").asInt()).isEqualTo(3);
        assertThat(parsed.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(parsed.get("missing").isNull()).isTrue();
        assertThat(parsed.get("flag").asBoolean()).isTrue();
        assertThat(parsed.get("none").isNull()).isTrue();
        assertThat(parsed.get("empty").size()).isZero();
        assertThat(parsed.get("emptyObject").size()).isZero();
        assertThat(parsed.get("list").get(1).get(1).asInt()).isEqualTo(2);
        assertThat(out.toString()).startsWith("{\n  \"name\": ").endsWith("}\n");
    }

    @Test
    void refusesToFinishAnOpenDocument() throws IOException {
        JsonWriter json = new JsonWriter(new StringWriter());
        json.beginObject();
        assertThatThrownBy(json::finish).hasMessageContaining("left open");
    }
}
