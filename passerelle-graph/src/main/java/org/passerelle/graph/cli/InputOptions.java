package org.passerelle.graph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.passerelle.graph.Graph;
import org.passerelle.graph.io.GraphFormat;
import org.passerelle.graph.io.GraphReader;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The input options shared by the subcommands: which files, in which format. */
final class InputOptions {
    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Graph file; repeat to analyse the union of several files (e.g. all phases).")
    private List<Path> inputs;

    @Option(names = "--format", paramLabel = "auto|edgelist|matrix", defaultValue = "auto",
            converter = FormatConverter.class,
            description = "Input format (default: ${DEFAULT-VALUE}). edgelist: 'source target [weight]' a line; "
                    + "matrix: CSV with labels in the first row and column (CAVIAR).")
    private GraphFormat format;

    /** Reads the inputs; missing files are reported by name. */
    Graph read(boolean directed) throws IOException {
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new NoSuchFileException(input.toString(), null, "no such file");
            }
        }
        return GraphReader.read(inputs, format, directed, false);
    }

    static final class FormatConverter implements ITypeConverter<GraphFormat> {
        @Override
        public GraphFormat convert(String value) {
            try {
                return GraphFormat.fromCliName(value);
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException(unknown.getMessage());
            }
        }
    }
}
