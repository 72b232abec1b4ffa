package org.passerelle.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.graph.Graph;

class GraphReaderTest {
    @TempDir
    Path dir;

    @Test
    void detectsTheFormatFromTheFirstDataLine() {
        assertThat(GraphReader.detect("\"players\",\"1\",\"4\",\"89\"")).isEqualTo(GraphFormat.MATRIX);
        assertThat(GraphReader.detect("source,target,weight")).isEqualTo(GraphFormat.EDGELIST);
        assertThat(GraphReader.detect("a b 3")).isEqualTo(GraphFormat.EDGELIST);
        assertThat(GraphReader.detect("a\tb")).isEqualTo(GraphFormat.EDGELIST);
        assertThat(GraphReader.detect(null)).isEqualTo(GraphFormat.EDGELIST);
        assertThat(GraphReader.detect("\"unclosed, a, b, c")).isEqualTo(GraphFormat.EDGELIST);
    }

    @Test
    void autoReadsMatricesAndEdgeListsAlike() throws IOException {
        Path matrix = Files.writeString(dir.resolve("m.csv"), "# comment\n,a,b,c\na,0,1,0\nb,0,0,1\nc,0,0,0\n");
        Path edges = Files.writeString(dir.resolve("e.txt"), "# comment\na b\nb c\n");

        Graph fromMatrix = GraphReader.read(matrix, GraphFormat.AUTO, false, false);
        Graph fromEdges = GraphReader.read(edges, GraphFormat.AUTO, false, false);

        assertThat(fromMatrix.labels()).isEqualTo(fromEdges.labels());
        assertThat(fromMatrix.edgeCount()).isEqualTo(2).isEqualTo(fromEdges.edgeCount());
    }

    @Test
    void unionOfSeveralFilesNumbersActorsByFirstAppearance() throws IOException {
        Path first = Files.writeString(dir.resolve("1.txt"), "b c\n");
        Path second = Files.writeString(dir.resolve("2.txt"), "a b\nc b\n");

        Graph union = GraphReader.read(List.of(first, second), GraphFormat.EDGELIST, false, true);

        assertThat(union.labels()).containsExactly("b", "c", "a");
        assertThat(union.edgeCount()).isEqualTo(2);
        assertThat(union.weight(union.arc(0, 1))).isEqualTo(2.0);
    }

    @Test
    void errorsNameTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,1\na,b,z\n");

        assertThatThrownBy(() -> GraphReader.read(bad, GraphFormat.AUTO, false, true))
                .hasMessage("bad.csv, line 2, column 5: weight 'z' is not a number");
    }

    @Test
    void formatNamesForTheCommandLine() {
        assertThat(GraphFormat.fromCliName("Matrix")).isEqualTo(GraphFormat.MATRIX);
        assertThat(GraphFormat.EDGELIST.cliName()).isEqualTo("edgelist");
        assertThatThrownBy(() -> GraphFormat.fromCliName("gml"))
                .hasMessage("unknown format 'gml', expected one of auto, edgelist, matrix");
    }
}
