package org.passerelle.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;
import org.passerelle.graph.TestGraphs;

class MatrixCsvReaderTest {
    private static Graph read(String text, boolean directed, boolean weighted) throws IOException {
        GraphBuilder builder = new GraphBuilder(directed, weighted);
        GraphReader.readInto(new StringReader(text), "m.csv", GraphFormat.MATRIX, builder);
        return builder.build();
    }

    @Test
    void readsCaviarPhaseOneAsTheReferenceGraph() {
        Graph phase1 = TestGraphs.caviar(1);

        assertThat(phase1.nodeCount()).isEqualTo(15);
        assertThat(phase1.edgeCount()).isEqualTo(18);
        assertThat(phase1.labels().subList(0, 4)).containsExactly("1", "4", "89", "83");
    }

    @Test
    void directedWeightedKeepsCallCountsPerDirection() {
        GraphBuilder builder = new GraphBuilder(true, true);
        TestGraphs.readCaviar(1, builder);
        Graph g = builder.build();

        // Row "1" called "85" nine times; "85" called "1" once.
        assertThat(g.weight(g.arc(g.indexOf("1"), g.indexOf("85")))).isEqualTo(9.0);
        assertThat(g.weight(g.arc(g.indexOf("85"), g.indexOf("1")))).isEqualTo(1.0);
    }

    @Test
    void rowLabelsNotInTheHeaderBecomeActorsAfterTheColumns() throws IOException {
        Graph g = read("""
                ,a,b
                a,0,1
                c,2,0
                """, true, true);

        assertThat(g.labels()).containsExactly("a", "b", "c");
        assertThat(g.weight(g.arc(2, 0))).isEqualTo(2.0);
        assertThat(g.edgeCount()).isEqualTo(2);
    }

    @Test
    void hashStartsACommentLineButIsPlainTextInsideAMatrix() throws IOException {
        Graph g = read("# exported 2024-03-01\nx,#1,#2\n\"#1\",0,1\n", false, false);
        assertThat(g.labels()).containsExactly("#1", "#2");
        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void reportsWrongCellCountsWithLineAndColumn() {
        assertThatThrownBy(() -> read("p,a,b\na,0,1,7\n", false, false))
                .isInstanceOf(GraphInputException.class)
                .hasMessage("m.csv, line 2, column 7: row has 3 cells but the header has 2 columns");
        assertThatThrownBy(() -> read("p,a,b\na,0\n", false, false))
                .hasMessage("m.csv, line 2, column 4: row has 1 cells but the header has 2 columns");
    }

    @Test
    void reportsBadCells() {
        assertThatThrownBy(() -> read("\"p\",\"a\",\"b\"\n\"a\",0,x\n", false, false))
                .hasMessage("m.csv, line 2, column 7: weight 'x' is not a number");
        assertThatThrownBy(() -> read("p,a,b\na,0,-1\n", false, false))
                .hasMessage("m.csv, line 2, column 5: weight '-1' is negative");
        assertThatThrownBy(() -> read("p,a,b\na,,1\n", false, false))
                .hasMessage("m.csv, line 2, column 3: weight is empty");
    }

    @Test
    void reportsBadLabels() {
        assertThatThrownBy(() -> read("p,a,a\n", false, false))
                .hasMessage("m.csv, line 1, column 5: column label 'a' repeats the one at column 3");
        assertThatThrownBy(() -> read("p,a,\n", false, false))
                .hasMessage("m.csv, line 1, column 5: column label is empty");
        assertThatThrownBy(() -> read("p,a\na,0\na,1\n", false, false))
                .hasMessage("m.csv, line 3, column 1: row label 'a' repeats the row of line 2");
        assertThatThrownBy(() -> read("p,a\n,0\n", false, false))
                .hasMessage("m.csv, line 2, column 1: row label is empty");
        assertThatThrownBy(() -> read("players\n", false, false))
                .hasMessage("m.csv, line 1, column 1: the header row needs a corner cell followed by at least one "
                        + "column label");
    }

    @Test
    void reportsEmptyInput() {
        assertThatThrownBy(() -> read("\n\n", false, false))
                .hasMessage("m.csv, line 2, column 1: empty input: expected a header row of column labels");
    }
}
