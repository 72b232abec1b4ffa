package org.passerelle.graph.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

import org.passerelle.graph.GraphBuilder;

/**
 * Reads an edge list: one edge a line, {@code source target [weight]}, fields separated by commas, tabs or spaces
 * (see {@link LineSplitter}). {@code #} starts a comment; blank lines are skipped. The first data line may be the
 * header {@code source,target} or {@code source,target,weight} (any case, any separator). A missing weight counts 1;
 * a weight of 0 adds both actors but no edge.
 */
public final class EdgeListReader {
    private EdgeListReader() {
    }

    /**
     * Feeds every edge of {@code input} into {@code builder}.
     *
     * @param source name of the input for error messages
     * @throws GraphInputException naming line and column of the first malformed field
     */
    public static void read(BufferedReader input, String source, GraphBuilder builder) throws IOException {
        LineSplitter splitter = new LineSplitter(source, true);
        boolean firstDataLine = true;
        int lineNumber = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            lineNumber++;
            List<Field> fields = splitter.split(line, lineNumber);
            if (fields.isEmpty()) {
                continue;
            }
            if (firstDataLine && isHeader(fields)) {
                firstDataLine = false;
                continue;
            }
            firstDataLine = false;
            readEdge(fields, line, lineNumber, source, builder);
        }
    }

    static boolean isHeader(List<Field> fields) {
        return (fields.size() == 2 || fields.size() == 3)
                && fields.get(0).text().equalsIgnoreCase("source")
                && fields.get(1).text().equalsIgnoreCase("target")
                && (fields.size() == 2 || fields.get(2).text().equalsIgnoreCase("weight"));
    }

    private static void readEdge(List<Field> fields, String line, int lineNumber, String source,
                                 GraphBuilder builder) {
        if (fields.size() < 2) {
            throw new GraphInputException(source, lineNumber, line.length() + 1,
                    "expected 'source target [weight]' but the line has only one field");
        }
        if (fields.size() > 3) {
            throw new GraphInputException(source, lineNumber, fields.get(3).column(),
                    "expected 'source target [weight]' but the line has " + fields.size() + " fields");
        }
        for (int i = 0; i < 2; i++) {
            if (fields.get(i).text().isEmpty()) {
                throw new GraphInputException(source, lineNumber, fields.get(i).column(),
                        (i == 0 ? "source" : "target") + " is empty");
            }
        }
        double weight = fields.size() == 3 ? Numbers.weight(fields.get(2), lineNumber, source) : 1.0;
        builder.addLink(fields.get(0).text(), fields.get(1).text(), weight);
    }
}
