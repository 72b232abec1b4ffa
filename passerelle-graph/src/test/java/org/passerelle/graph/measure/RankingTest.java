package org.passerelle.graph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void tiesGoToTheFirstNode() {
        assertThat(Ranking.top(new double[] {1, 3, 2, 3, 0}, 4)).containsExactly(1, 3, 2, 0);
    }

    @Test
    void floatingPointNoiseIsATie() {
        double a = 0.1 + 0.2;
        double b = 0.3;
        assertThat(a).isNotEqualTo(b);
        assertThat(Ranking.best(new double[] {b, a}, null)).isZero();
        assertThat(Ranking.best(new double[] {1.0, 1.0 + 1e-6}, null)).isEqualTo(1);
    }

    @Test
    void excludedNodesAndDegenerateScores() {
        assertThat(Ranking.best(new double[] {5, 1, 2}, new boolean[] {true, false, false})).isEqualTo(2);
        assertThat(Ranking.best(new double[] {5}, new boolean[] {true})).isEqualTo(-1);
        assertThat(Ranking.best(new double[] {Double.NaN, Double.NaN}, null)).isZero();
        assertThat(Ranking.best(new double[] {-3, -1, -2}, null)).isEqualTo(1);
        assertThat(Ranking.top(new double[] {1, 2}, 5)).containsExactly(1, 0);
    }
}
