package org.passerelle.matching.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synth registry}: writes REGISTRY.csv, QUERIES.csv and TRUTH.csv into a directory. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Write a synthetic Moroccan registry (" + SyntheticRegistry.REGISTRY + "), French-side queries ("
                + SyntheticRegistry.QUERIES + ") and the truth (" + SyntheticRegistry.TRUTH
                + ": query_id,person_id, person_id empty for someone absent from the registry).",
                "The same size and seed always give the same files."})
final class SynthRegistryCommand implements Callable<Integer> {
    @Option(names = "--size", required = true, description = "Number of registry records.")
    private long size;

    @Option(names = "--seed", required = true, description = "Random seed.")
    private long seed;

    @Option(names = "--out", required = true, description = "Directory to write into (created if needed).")
    private Path out;

    @Option(names = "--queries", defaultValue = "10000", description = "Number of queries (default: ${DEFAULT-VALUE}).")
    private int queries;

    @Option(names = "--absent", defaultValue = "0.2",
            description = "Share of queries about people absent from the registry (default: ${DEFAULT-VALUE}).")
    private double absent;

    @Option(names = "--noise", defaultValue = "harsh", paramLabel = "harsh|request",
            converter = QueryNoiseConverter.class,
            description = {"What the queries give besides names, and how their dates go wrong (default: ${DEFAULT-VALUE}).",
                    "harsh: parents' names often missing (father 60%%, mother 50%%), place 15%%, half the dates wrong or "
                            + "conventional; request: every field a laissez-passer request carries, 35%% of dates "
                            + "conventional or partial."})
    private QueryNoise noise;

    @Spec
    private CommandSpec spec;

    /** Reads the profile in lower case, as the option's description writes it. */
    static final class QueryNoiseConverter implements CommandLine.ITypeConverter<QueryNoise> {
        @Override
        public QueryNoise convert(String value) {
            for (QueryNoise noise : QueryNoise.values()) {
                if (noise.name().equalsIgnoreCase(value)) {
                    return noise;
                }
            }
            throw new CommandLine.TypeConversionException("expected harsh or request, found '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (size < 1 || queries < 0 || absent < 0 || absent > 1) {
            err.println("need --size >= 1, --queries >= 0 and 0 <= --absent <= 1");
            return CommandLine.ExitCode.USAGE;
        }
        SyntheticRegistry.Summary summary = new SyntheticRegistry().write(out, size, queries, absent, noise, seed,
                System.err);
        err.printf(Locale.ROOT, "wrote %,d registry records and %,d queries (%,d absent) into %s%n",
                summary.registry(), summary.queries(), summary.absent(), out);
        err.flush();
        return CommandLine.ExitCode.OK;
    }
}
