package org.passerelle.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;

class EdgeListReaderTest {
    private static Graph read(String text, boolean directed, boolean weighted) throws IOException {
        GraphBuilder builder = new GraphBuilder(directed, weighted);
        GraphReader.readInto(new StringReader(text), "edges.txt", GraphFormat.EDGELIST, builder);
        return builder.build();
    }

    @Test
    void readsCommaTabAndSpaceSeparatedLinesWithComments() throws IOException {
        Graph g = read("""
                # calls recorded in March
                a,b,2
                b\tc\t1.5
                c   d      # weight omitted: counts 1

                "e f", a , 3e0
                """, false, true);

        assertThat(g.labels()).containsExactly("a", "b", "c", "d", "e f");
        assertThat(g.edgeCount()).isEqualTo(4);
        assertThat(g.weight(g.arc(g.indexOf("b"), g.indexOf("c")))).isEqualTo(1.5);
        assertThat(g.weight(g.arc(g.indexOf("c"), g.indexOf("d")))).isEqualTo(1.0);
        assertThat(g.weight(g.arc(g.indexOf("e f"), g.indexOf("a")))).isEqualTo(3.0);
    }

    @Test
    void skipsAHeaderOnlyOnTheFirstDataLine() throws IOException {
        Graph g = read("# header follows\nSource,Target,Weight\na,b,1\n", false, false);
        assertThat(g.labels()).containsExactly("a", "b");

        Graph noWeightHeader = read("source target\nx y\n", false, false);
        assertThat(noWeightHeader.labels()).containsExactly("x", "y");

        Graph actorsNamedSource = read("a,b\nsource,target\n", false, false);
        assertThat(actorsNamedSource.labels()).containsExactly("a", "b", "source", "target");
    }

    @Test
    void quotedFieldsMayHoldSeparatorsHashesAndQuotes() throws IOException {
        Graph g = read("\"Café #2, rue X\",\"He said \"\"hi\"\"\"\n", false, false);
        assertThat(g.labels()).containsExactly("Café #2, rue X", "He said \"hi\"");
    }

    @Test
    void quotedLabelsWithSpacesInASpaceSeparatedLine() throws IOException {
        Graph g = read("\"Abu Karim\"   \"Café du Port\" 2 # seen twice\n", false, true);
        assertThat(g.labels()).containsExactly("Abu Karim", "Café du Port");
        assertThat(g.weight(g.arc(0, 1))).isEqualTo(2.0);
        assertThatThrownBy(() -> read("\"Abu Karim\"x y\n", false, false))
                .hasMessage("edges.txt, line 1, column 12: unexpected 'x' after a closing quote");
    }

    @Test
    void directedWeightedSumsRepeatedLinks() throws IOException {
        Graph g = read("a b 2\na b 3\nb a 1\n", true, true);
        assertThat(g.weight(g.arc(0, 1))).isEqualTo(5.0);
        assertThat(g.weight(g.arc(1, 0))).isEqualTo(1.0);
    }

    @Test
    void emptyInputIsAnEmptyGraph() throws IOException {
        assertThat(read("# nothing yet\n\n", false, false).nodeCount()).isZero();
    }

    @Test
    void tooManyFieldsNamesTheFourthField() {
        assertThatThrownBy(() -> read("a,b,1\na,b,1,extra\n", false, false))
                .isInstanceOf(GraphInputException.class)
                .hasMessage("edges.txt, line 2, column 7: expected 'source target [weight]' but the line has 4 fields")
                .satisfies(e -> {
                    GraphInputException error = (GraphInputException) e;
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.column()).isEqualTo(7);
                    assertThat(error.source()).isEqualTo("edges.txt");
                });
    }

    @Test
    void oneFieldIsReportedAtTheEndOfTheLine() {
        assertThatThrownBy(() -> read("a b\nlonely\n", false, false))
                .hasMessage("edges.txt, line 2, column 7: expected 'source target [weight]' but the line has only "
                        + "one field");
    }

    @Test
    void badWeightsAreReportedWhereTheyStand() {
        assertThatThrownBy(() -> read("a b 1O\n", false, true))
                .hasMessage("edges.txt, line 1, column 5: weight '1O' is not a number");
        assertThatThrownBy(() -> read("\n\na,b,-2\n", false, true))
                .hasMessage("edges.txt, line 3, column 5: weight '-2' is negative");
        assertThatThrownBy(() -> read("a,b,NaN\n", false, true))
                .hasMessage("edges.txt, line 1, column 5: weight 'NaN' is not a number");
        assertThatThrownBy(() -> read("a,b,\n", false, true))
                .hasMessage("edges.txt, line 1, column 5: weight is empty");
        assertThatThrownBy(() -> read("a,b,1e999\n", false, true))
                .hasMessage("edges.txt, line 1, column 5: weight '1e999' is too large");
    }

    @Test
    void emptyEndpointsAndBrokenQuotesAreReported() {
        assertThatThrownBy(() -> read("a,b\n ,c\n", false, false))
                .hasMessage("edges.txt, line 2, column 2: source is empty");
        assertThatThrownBy(() -> read("a,\n", false, false))
                .hasMessage("edges.txt, line 1, column 3: target is empty");
        assertThatThrownBy(() -> read("a,\"b\n", false, false))
                .hasMessage("edges.txt, line 1, column 3: quote opened here is never closed");
        assertThatThrownBy(() -> read("\"a\"x,b\n", false, false))
                .hasMessage("edges.txt, line 1, column 4: unexpected 'x' after a closing quote");
    }
}
