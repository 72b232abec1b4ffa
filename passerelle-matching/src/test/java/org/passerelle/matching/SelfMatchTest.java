package org.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.matching.index.RegistryImport;
import org.passerelle.matching.index.RegistryIndex;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.score.DecisionThresholds;
import org.passerelle.matching.score.FellegiSunterModel;
import org.passerelle.matching.score.ScoredCandidate;
import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;

/** Randomised, seeded: any registry record queried as it stands finds itself at rank 1 with probability ≥ 0.99. */
class SelfMatchTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aRecordAlwaysFindsItselfFirstAndSure(long seed, @TempDir Path dir) throws IOException {
        new SyntheticRegistry().write(dir, 3_000, 0, 0, QueryNoise.HARSH, seed, QUIET);
        List<PersonRecord> registry = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve(SyntheticRegistry.REGISTRY))) {
            RecordCsv.read(in, "REGISTRY.csv", RecordCsv.Kind.REGISTRY, registry::add, QUIET);
        }
        List<PersonRecord> queries = BatchMatching.sample(registry, 300, seed);
        try (RegistryIndex index = RegistryIndex.open(dir.resolve("index"))) {
            RegistryImport.rebuild(index, dir.resolve(SyntheticRegistry.REGISTRY), 2, QUIET);
            FellegiSunterModel model = IdentityMatcher.estimate(index, queries, IdentityMatcher.EM_POOL);
            IdentityMatcher matcher = new IdentityMatcher(index, model, DecisionThresholds.DEFAULT, IdentityMatcher.DEFAULT_POOL);
            for (PersonRecord query : queries) {
                ScoredCandidate best = matcher.match(query, 1).getFirst();
                assertThat(best.personId()).as("rank 1 for %s", query).isEqualTo(query.id());
                assertThat(best.probability()).as("probability for %s: %s", query, best.explanation())
                        .isGreaterThanOrEqualTo(0.99);
            }
        }
    }
}
