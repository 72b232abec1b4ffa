package org.passerelle.graph.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.passerelle.graph.GraphBuilder;

/**
 * Reads an adjacency matrix in CSV (the CAVIAR format): the first row holds a corner cell and then the column
 * labels; every other row holds a row label and one cell per column. A cell is the weight of the link from the
 * row's actor to the column's (e.g. calls from the row's player), 0 for none. Fields follow {@link LineSplitter}
 * (quotes allowed). Blank lines and lines starting with {@code #} are skipped; elsewhere {@code #} is plain text,
 * so a row label starting with {@code #} must be quoted.
 *
 * <p>Actors are numbered column labels first (left to right), then row labels not among the columns, so that a
 * matrix's node order is its header's order.
 */
public final class MatrixCsvReader {
    private MatrixCsvReader() {
    }

    /**
     * Feeds every non-zero cell of {@code input} into {@code builder}.
     *
     * @param source name of the input for error messages
     * @throws GraphInputException naming line and column of the first malformed field
     */
    public static void read(BufferedReader input, String source, GraphBuilder builder) throws IOException {
        LineSplitter splitter = new LineSplitter(source, false);
        List<Field> header = null;
        Map<String, Integer> rowLines = new HashMap<>();
        int lineNumber = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            lineNumber++;
            if (line.strip().startsWith("#")) {
                continue;
            }
            List<Field> fields = splitter.split(line, lineNumber);
            if (fields.isEmpty()) {
                continue;
            }
            if (header == null) {
                header = readHeader(fields, lineNumber, source, builder);
                continue;
            }
            readRow(header, fields, line, lineNumber, source, rowLines, builder);
        }
        if (header == null) {
            throw new GraphInputException(source, Math.max(lineNumber, 1), 1,
                    "empty input: expected a header row of column labels");
        }
    }

    private static List<Field> readHeader(List<Field> fields, int lineNumber, String source, GraphBuilder builder) {
        if (fields.size() < 2) {
            throw new GraphInputException(source, lineNumber, fields.get(0).column(),
                    "the header row needs a corner cell followed by at least one column label");
        }
        Map<String, Field> seen = new HashMap<>();
        List<Field> columns = fields.subList(1, fields.size());
        for (Field column : columns) {
            if (column.text().isEmpty()) {
                throw new GraphInputException(source, lineNumber, column.column(), "column label is empty");
            }
            Field earlier = seen.putIfAbsent(column.text(), column);
            if (earlier != null) {
                throw new GraphInputException(source, lineNumber, column.column(), "column label '"
                        + column.text() + "' repeats the one at column " + earlier.column());
            }
            builder.addNode(column.text());
        }
        return columns;
    }

    private static void readRow(List<Field> columns, List<Field> fields, String line, int lineNumber, String source,
                                Map<String, Integer> rowLines, GraphBuilder builder) {
        Field rowLabel = fields.get(0);
        if (rowLabel.text().isEmpty()) {
            throw new GraphInputException(source, lineNumber, rowLabel.column(), "row label is empty");
        }
        Integer earlier = rowLines.putIfAbsent(rowLabel.text(), lineNumber);
        if (earlier != null) {
            throw new GraphInputException(source, lineNumber, rowLabel.column(),
                    "row label '" + rowLabel.text() + "' repeats the row of line " + earlier);
        }
        int expected = columns.size() + 1;
        if (fields.size() > expected) {
            throw new GraphInputException(source, lineNumber, fields.get(expected).column(),
                    "row has " + (fields.size() - 1) + " cells but the header has " + columns.size() + " columns");
        }
        if (fields.size() < expected) {
            throw new GraphInputException(source, lineNumber, line.length() + 1,
                    "row has " + (fields.size() - 1) + " cells but the header has " + columns.size() + " columns");
        }
        builder.addNode(rowLabel.text());
        for (int c = 0; c < columns.size(); c++) {
            double weight = Numbers.weight(fields.get(c + 1), lineNumber, source);
            builder.addLink(rowLabel.text(), columns.get(c).text(), weight);
        }
    }
}
