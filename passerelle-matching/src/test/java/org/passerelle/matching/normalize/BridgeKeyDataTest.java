package org.passerelle.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/**
 * Checks the hand-written bridge rules against transliteration pairs mined from Wikidata (seen at least five times).
 * Most of those are European names spelled in Arabic, the hardest case for a consonant skeleton, so the bar is
 * the rate measured when the rules were written, not perfection.
 */
class BridgeKeyDataTest {
    @Test
    void wikidataPairsMostlyShareAKeyAndAlmostAlwaysLieWithinOneEdit() throws IOException {
        int pairs = 0;
        int equal = 0;
        int withinOne = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/names/wikidata_arabic_latin_tokens_seen5.tsv")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t");
                List<NameUnit> latin = NameParser.parseWords(fields[0]);
                List<NameUnit> arabic = NameParser.parseWords(fields[1].replace(" ", ""));
                if (latin.size() != 1 || arabic.size() != 1) {
                    continue;
                }
                pairs++;
                int distance = BridgeKey.distance(latin.getFirst().key(), arabic.getFirst().key());
                equal += distance == 0 ? 1 : 0;
                withinOne += distance <= 1 ? 1 : 0;
            }
        }
        assertThat(pairs).isGreaterThan(5_000);
        assertThat(equal / (double) pairs).as("share of pairs with equal keys").isGreaterThan(0.78);
        assertThat(withinOne / (double) pairs).as("share of pairs within one edit").isGreaterThan(0.95);
    }
}
