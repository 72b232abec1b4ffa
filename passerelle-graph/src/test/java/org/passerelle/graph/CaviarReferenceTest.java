package org.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.passerelle.graph.disruption.Disruption;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.graph.measure.Betweenness;
import org.passerelle.graph.measure.Closeness;
import org.passerelle.graph.measure.Components;
import org.passerelle.graph.measure.CoreNumbers;
import org.passerelle.graph.measure.CutStructure;
import org.passerelle.graph.measure.Degree;
import org.passerelle.graph.measure.EigenvectorCentrality;
import org.passerelle.graph.measure.PageRank;
import org.passerelle.graph.measure.Ranking;

/**
 * Every value of {@code shared/data/networks/caviar/REFERENCE.md} (NetworkX 3.6.1), reproduced from the CAVIAR
 * phases: undirected, unweighted, self-calls dropped, normalised betweenness and closeness, ties by first
 * appearance (phase 1 first, then columns left to right). The reference lines are copied verbatim and parsed, so
 * each value is checked to the digits it is written with (a 4-decimal value to 5e-5, within the required 1e-4).
 * Players {@code n<id>} are the matrices' labels {@code <id>}.
 */
class CaviarReferenceTest {
    /** The per-phase table of REFERENCE.md, verbatim. */
    private static final List<String> PHASE_TABLE = List.of(
            "| 1 | 15 | 18 | n1 12, n88 4, n85 3 | n1 0.907, n89 0.143, n88 0.053 |",
            "| 2 | 24 | 28 | n1 19, n89 3, n3 3 | n1 0.943, n89 0.124, n83 0.087 |",
            "| 3 | 33 | 56 | n1 27, n3 9, n83 8 | n1 0.830, n3 0.095, n9 0.068 |",
            "| 4 | 33 | 48 | n1 23, n83 7, n3 7 | n1 0.839, n89 0.196, n3 0.090 |",
            "| 5 | 32 | 39 | n1 22, n12 8, n3 5 | n1 0.884, n12 0.270, n89 0.065 |",
            "| 6 | 27 | 47 | n1 18, n3 14, n12 10 | n1 0.543, n12 0.382, n3 0.227 |",
            "| 7 | 36 | 49 | n1 24, n3 10, n76 5 | n1 0.589, n76 0.134, n3 0.073 |",
            "| 8 | 42 | 58 | n1 20, n3 13, n12 10 | n1 0.554, n12 0.357, n3 0.315 |",
            "| 9 | 34 | 44 | n3 11, n1 10, n12 8 | n3 0.576, n12 0.357, n1 0.249 |",
            "| 10 | 42 | 50 | n1 13, n87 11, n37 9 | n1 0.343, n87 0.188, n37 0.174 |",
            "| 11 | 41 | 50 | n12 12, n41 9, n1 7 | n41 0.554, n1 0.526, n12 0.430 |");

    private static final Graph UNION = TestGraphs.caviarUnion();

    static Stream<String> phaseRows() {
        return PHASE_TABLE.stream();
    }

    @ParameterizedTest
    @MethodSource("phaseRows")
    void phaseFiguresTopDegreeAndTopBetweenness(String row) {
        String[] cells = Arrays.stream(row.split("\\|")).map(String::strip).filter(c -> !c.isEmpty())
                .toArray(String[]::new);
        Graph phase = TestGraphs.caviar(Integer.parseInt(cells[0]));

        assertThat(phase.nodeCount()).isEqualTo(Integer.parseInt(cells[1]));
        assertThat(phase.edgeCount()).isEqualTo(Integer.parseInt(cells[2]));
        assertTop(phase, asDoubles(Degree.degrees(phase)), cells[3]);
        assertTop(phase, Betweenness.exact(phase), cells[4]);
    }

    @Test
    void unionHas107NodesAnd214Edges() {
        assertThat(UNION.nodeCount()).isEqualTo(107);
        assertThat(UNION.edgeCount()).isEqualTo(214);
    }

    @Test
    void unionTopDegree() {
        assertTop(UNION, asDoubles(Degree.degrees(UNION)),
                "n1 57, n3 30, n12 26, n76 16, n87 16, n83 12, n37 11, n41 10");
    }

    @Test
    void unionTopBetweenness() {
        assertTop(UNION, Betweenness.exact(UNION),
                "n1 0.5537, n12 0.2566, n3 0.1416, n76 0.1399, n87 0.1148, n37 0.0738, n41 0.0708, n79 0.0298");
    }

    @Test
    void unionTopCloseness() {
        assertTop(UNION, Closeness.closeness(UNION),
                "n1 0.6626, n3 0.5546, n12 0.5153, n76 0.4953, n87 0.4813, n41 0.4702, n9 0.4617, n37 0.4515");
    }

    @Test
    void unionTopEigenvector() {
        assertTop(UNION, EigenvectorCentrality.compute(UNION),
                "n1 0.5065, n3 0.3691, n12 0.2038, n76 0.1921, n83 0.1807, n87 0.1746, n9 0.1689, n85 0.1649");
    }

    @Test
    void unionTopPageRank() {
        assertTop(UNION, PageRank.compute(UNION),
                "n1 0.1212, n12 0.0636, n3 0.0564, n87 0.0371, n76 0.0333, n37 0.0261, n41 0.0243, n83 0.0226");
    }

    /** Full-precision NetworkX 3.6.1 values of the same graph, printed with repr(): agreement to rounding error. */
    @Test
    void unionMatchesNetworkxToFullPrecision() {
        double[] betweenness = Betweenness.exact(UNION);
        double[] closeness = Closeness.closeness(UNION);
        double[] eigenvector = EigenvectorCentrality.compute(UNION);
        double[] pagerank = PageRank.compute(UNION);
        double[] harmonic = Closeness.harmonic(UNION);
        int n1 = UNION.requireIndex("1");
        int n12 = UNION.requireIndex("12");
        assertThat(betweenness[n1]).isCloseTo(0.5536584080264032, within(1e-12));
        assertThat(betweenness[n12]).isCloseTo(0.2565814299507022, within(1e-12));
        assertThat(closeness[n1]).isCloseTo(0.6625827003185494, within(1e-12));
        assertThat(eigenvector[n1]).isCloseTo(0.5064915240633718, within(1e-12));
        assertThat(pagerank[n1]).isCloseTo(0.1211811076922854, within(1e-12));
        assertThat(pagerank[n12]).isCloseTo(0.06362544497731609, within(1e-12));
        assertThat(harmonic[n12]).isCloseTo(62.416666666666686, within(1e-9));
    }

    @Test
    void unionArticulationPoints() {
        int[] points = CutStructure.of(UNION).articulationPoints();
        assertThat(IntStream.of(points).mapToObj(UNION::label))
                .containsExactlyInAnyOrder("1", "3", "12", "37", "41", "76", "87", "89", "107");
    }

    @Test
    void unionMaxCoreIs5With12Nodes() {
        int[] cores = CoreNumbers.compute(UNION);
        int max = Arrays.stream(cores).max().orElseThrow();
        assertThat(max).isEqualTo(5);
        assertThat(Arrays.stream(cores).filter(c -> c == max).count()).isEqualTo(12);
    }

    @Test
    void unionHasTwoComponentsTheLargestOf105() {
        Components components = Components.of(UNION);
        assertThat(components.count()).isEqualTo(2);
        assertThat(components.largestSize()).isEqualTo(105);
    }

    @Test
    void sequentialRemovalByBetweenness() {
        assertRemovals(DisruptionStrategy.BETWEENNESS, "n1→0.838, n3→0.810, n12→0.686, n87→0.610, n76→0.533, "
                + "n89→0.429, n83→0.410, n8→0.333, n37→0.181, n11→0.105");
    }

    @Test
    void sequentialRemovalByDegree() {
        assertRemovals(DisruptionStrategy.DEGREE, "n1→0.838, n3→0.810, n12→0.686, n87→0.610, n76→0.533, "
                + "n83→0.514, n37→0.467, n89→0.362, n41→0.295, n85→0.124");
    }

    private static void assertRemovals(DisruptionStrategy strategy, String expected) {
        List<String[]> steps = Arrays.stream(expected.split(",\\s*")).map(s -> s.split("→")).toList();
        List<DisruptionStep> curve = Disruption.simulate(UNION, strategy, DisruptionMode.SEQUENTIAL, steps.size());
        assertThat(curve).hasSize(steps.size() + 1);
        for (int i = 0; i < steps.size(); i++) {
            DisruptionStep step = curve.get(i + 1);
            assertThat(step.removed()).containsExactly(player(steps.get(i)[0]));
            assertWrittenValue(step.lccRatio(), steps.get(i)[1]);
        }
    }

    /**
     * Checks that the {@code k} best nodes by {@code scores} (ties by input order) are the listed players with
     * the listed values, e.g. {@code "n1 0.907, n89 0.143"}.
     */
    private static void assertTop(Graph graph, double[] scores, String expected) {
        List<String[]> entries = Arrays.stream(expected.split(",\\s*")).map(e -> e.split(" ")).toList();
        int[] top = Ranking.top(scores, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(graph.label(top[i])).as("rank %d", i + 1).isEqualTo(player(entries.get(i)[0]));
            assertWrittenValue(scores[top[i]], entries.get(i)[1]);
        }
    }

    /** {@code actual} equals {@code written} to the number of decimals written (half a unit of the last digit). */
    private static void assertWrittenValue(double actual, String written) {
        BigDecimal value = new BigDecimal(written);
        double halfUnit = 0.5 * Math.pow(10, -value.scale());
        assertThat(actual).as("written %s", written).isCloseTo(value.doubleValue(), within(halfUnit + 1e-12));
    }

    private static String player(String referenceName) {
        Matcher m = Pattern.compile("n(\\d+)").matcher(referenceName);
        assertThat(m.matches()).as("player name %s", referenceName).isTrue();
        return m.group(1);
    }

    private static double[] asDoubles(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }
}
