package org.passerelle.matching.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FellegiSunterModelTest {
    /**
     * Draws queries of five candidates from a known model, at most one of them a match (80 % of the queries have
     * one), and checks that EM, without the labels, finds the model again.
     */
    @Test
    void emRecoversTheGeneratingParameters() {
        FellegiSunterModel truth = FellegiSunterModel.initial();
        Random random = new Random(42);
        List<List<int[]>> queries = new ArrayList<>();
        for (int q = 0; q < 20_000; q++) {
            int match = random.nextDouble() < 0.8 ? random.nextInt(5) : -1;
            List<int[]> candidates = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                double[][] table = c == match ? truth.m() : truth.u();
                int[] pattern = new int[table.length];
                for (int f = 0; f < table.length; f++) {
                    pattern[f] = random.nextDouble() < 0.1 ? Field.MISSING : draw(table[f], random);
                }
                candidates.add(pattern);
            }
            queries.add(candidates);
        }
        FellegiSunterModel start = new FellegiSunterModel(0.1, FellegiSunterModel.initial().m(), flat());
        FellegiSunterModel estimated = start.estimate(queries, 500);
        assertThat(estimated.prior() * 5).as("presence").isCloseTo(0.8, within(0.01));
        for (Field field : Field.values()) {
            assertThat(estimated.m()[field.ordinal()][0]).isCloseTo(truth.m()[field.ordinal()][0], within(0.02));
            int last = field.levelCount() - 1;
            assertThat(estimated.u()[field.ordinal()][last]).isCloseTo(truth.u()[field.ordinal()][last], within(0.02));
        }
    }

    @Test
    void weightsAddUpAndMissingFieldsWeighNothing() {
        FellegiSunterModel model = FellegiSunterModel.initial();
        assertThat(model.weight(Field.SEX, Field.MISSING)).isZero();
        assertThat(model.weight(Field.SEX, 0)).isPositive();
        assertThat(model.weight(Field.SEX, 1)).isNegative();
        int[] agree = {0, 0, 0, 0, 0, 0};
        int[] disagree = {6, 6, 2, 1, 2, 2};
        assertThat(model.probability(agree)).isGreaterThan(0.999);
        assertThat(model.probability(disagree)).isLessThan(0.001);
        assertThat(model.weight(agree)).isCloseTo(
                java.util.Arrays.stream(Field.values()).mapToDouble(f -> model.weight(f, 0)).sum(), within(1e-9));
    }

    @Test
    void aSharedNameWeighsByItsRarityNotByItsLevelAverage() {
        FellegiSunterModel model = FellegiSunterModel.initial();
        double m = model.m()[Field.NAMES.ordinal()][1];
        FieldOutcome common = new FieldOutcome(Field.NAMES, 1, "mohamed alaoui", 9.0);
        FieldOutcome rare = new FieldOutcome(Field.NAMES, 1, "mohamed boukhaled", 19.0);
        assertThat(model.weight(common)).isCloseTo(Math.log(m) / Math.log(2) + 9.0, within(1e-9));
        assertThat(model.weight(rare) - model.weight(common)).isCloseTo(10.0, within(1e-9));
        int none = Field.NAMES.levelCount() - 1;
        assertThat(model.weight(new FieldOutcome(Field.NAMES, none, "", 0.0))).as("nothing shared: the level's weight")
                .isEqualTo(model.weight(Field.NAMES, none));
        assertThat(model.weight(new FieldOutcome(Field.SEX, 0, ""))).isEqualTo(model.weight(Field.SEX, 0));
        assertThat(model.weight(new FieldOutcome(Field.NAMES, Field.MISSING, "", 5.0))).isZero();
    }

    @Test
    void forAnyPairTakesUFromRandomPairsAndThePriorFromTheRegistrySize() {
        FellegiSunterModel candidates = new FellegiSunterModel(0.04, FellegiSunterModel.initial().m(),
                FellegiSunterModel.initial().u());
        List<int[]> strangers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            strangers.add(new int[] {6, 6, i % 10 == 0 ? 0 : 2, i % 2, Field.MISSING, 2});
        }
        FellegiSunterModel model = candidates.forAnyPair(strangers, 25, 1_000_000);
        assertThat(model.prior()).isCloseTo(0.04 * 25 / 1_000_000, within(1e-12));
        assertThat(model.u()[Field.SEX.ordinal()][0]).isCloseTo(0.5, within(0.01));
        assertThat(model.u()[Field.BIRTH_PLACE.ordinal()][0]).isCloseTo(0.1, within(0.01));
        assertThat(model.m()).isSameAs(candidates.m());
    }

    @Test
    void survivesARoundTripThroughItsFileExactlyAndRefusesAnAlteredOne() {
        FellegiSunterModel model = FellegiSunterModel.initial().forAnyPair(List.of(new int[] {0, 1, 2, 1, 0, 2}), 7.3,
                123_457);
        FellegiSunterModel copy = FellegiSunterModel.read(model.fileText());
        assertThat(copy.text()).isEqualTo(model.text());
        assertThat(copy.hash()).isEqualTo(model.hash()).hasSize(64);
        assertThat(Arrays.deepEquals(copy.m(), model.m())).isTrue();
        assertThat(Arrays.deepEquals(copy.u(), model.u())).isTrue();
        assertThat(copy.prior()).isEqualTo(model.prior());

        String altered = model.fileText().replaceFirst("prior=[^\\n]+", "prior=0.5");
        assertThatThrownBy(() -> FellegiSunterModel.read(altered)).hasMessageContaining("model altered");
        assertThatThrownBy(() -> FellegiSunterModel.read(model.text().replace("format=1", "format=9")))
                .hasMessageContaining("format 9");
        assertThat(FellegiSunterModel.read(model.text()).hash()).isEqualTo(model.hash());
    }

    private static double[][] flat() {
        double[][] u = new double[Field.values().length][];
        for (Field field : Field.values()) {
            u[field.ordinal()] = new double[field.levelCount()];
            Arrays.fill(u[field.ordinal()], 1.0 / field.levelCount());
        }
        return u;
    }

    private static int draw(double[] probabilities, Random random) {
        double x = random.nextDouble();
        for (int level = 0; level < probabilities.length; level++) {
            x -= probabilities[level];
            if (x < 0) {
                return level;
            }
        }
        return probabilities.length - 1;
    }
}
