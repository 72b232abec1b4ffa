package org.passerelle.graph.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.passerelle.graph.Graph;
import org.passerelle.graph.GraphBuilder;

/** Reads graphs from files in any {@link GraphFormat}, one file or the union of several. */
public final class GraphReader {
    /** How far {@link GraphFormat#AUTO} may read ahead to find the first data line (characters). */
    private static final int DETECTION_LIMIT = 1 << 24;

    private GraphReader() {
    }

    /** Reads one file into a new graph. */
    public static Graph read(Path file, GraphFormat format, boolean directed, boolean weighted) throws IOException {
        return read(List.of(file), format, directed, weighted);
    }

    /**
     * Reads several files into one graph, their union (e.g. the phases of an investigation): actors are numbered
     * by first appearance across the files in the given order, and links recorded in several files add up.
     */
    public static Graph read(List<Path> files, GraphFormat format, boolean directed, boolean weighted)
            throws IOException {
        GraphBuilder builder = new GraphBuilder(directed, weighted);
        for (Path file : files) {
            try (BufferedReader input = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                readInto(input, file.getFileName().toString(), format, builder);
            }
        }
        return builder.build();
    }

    /**
     * Feeds {@code input} into {@code builder}.
     *
     * @param source name of the input for error messages
     */
    public static void readInto(Reader input, String source, GraphFormat format, GraphBuilder builder)
            throws IOException {
        BufferedReader buffered = input instanceof BufferedReader b ? b : new BufferedReader(input);
        GraphFormat actual = format;
        if (format == GraphFormat.AUTO) {
            buffered.mark(DETECTION_LIMIT);
            actual = detect(firstDataLine(buffered));
            buffered.reset();
        }
        if (actual == GraphFormat.MATRIX) {
            MatrixCsvReader.read(buffered, source, builder);
        } else {
            EdgeListReader.read(buffered, source, builder);
        }
    }

    /**
     * The format of an input whose first non-blank, non-comment line is {@code firstLine} ({@code null} when there
     * is none): an edge list when it is an edge-list header or has at most three fields, a matrix otherwise. A
     * matrix of one or two actors thus reads as an edge list; name its format explicitly.
     */
    public static GraphFormat detect(String firstLine) {
        if (firstLine == null) {
            return GraphFormat.EDGELIST;
        }
        List<Field> fields;
        try {
            fields = new LineSplitter("input", true).split(firstLine, 1);
        } catch (GraphInputException malformed) {
            return GraphFormat.EDGELIST; // the edge-list reader reports it with its true line number
        }
        if (EdgeListReader.isHeader(fields) || fields.size() <= 3) {
            return GraphFormat.EDGELIST;
        }
        return GraphFormat.MATRIX;
    }

    private static String firstDataLine(BufferedReader input) throws IOException {
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return line;
            }
        }
        return null;
    }
}
