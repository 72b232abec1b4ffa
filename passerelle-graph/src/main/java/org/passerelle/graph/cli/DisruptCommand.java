package org.passerelle.graph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.passerelle.graph.Graph;
import org.passerelle.graph.disruption.Disruption;
import org.passerelle.graph.disruption.DisruptionMode;
import org.passerelle.graph.disruption.DisruptionStep;
import org.passerelle.graph.disruption.DisruptionStrategy;
import org.passerelle.graph.report.CurveCsv;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code network disrupt}: how the largest component shrinks as actors are removed, as CSV. */
@Command(name = "disrupt",
        description = {
            "Remove actors by a strategy and write the disruption curve as CSV: "
                    + "step,removed,lcc_size,lcc_ratio,fragmentation.",
            "Step 0 is the intact graph. Sequential: scores recomputed after each removal, 'removed' is the actor "
                    + "of the step. Block: step k removes the top k of the intact graph's ranking at once, "
                    + "'removed' lists them separated by '|'. Ties go to the actor met first in the input. "
                    + "Fragmentation is Borgatti's F over the original number of actors."})
public final class DisruptCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "CURVE.csv", description = "Curve to write.")
    private Path out;

    @Option(names = "--strategy", required = true, converter = StrategyConverter.class,
            paramLabel = "degree|betweenness|closeness|pagerank|collective-influence|key-player",
            description = "Who is removed next: highest degree, betweenness, closeness, PageRank, collective "
                    + "influence (CI_2), or the key player whose removal fragments the network most.")
    private DisruptionStrategy strategy;

    @Option(names = "--mode", defaultValue = "sequential", converter = ModeConverter.class,
            paramLabel = "sequential|block", description = "Recompute scores after each removal, or remove the "
                    + "intact graph's top k as a block (default: ${DEFAULT-VALUE}).")
    private DisruptionMode mode;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "10",
            description = "Number of removals (default: ${DEFAULT-VALUE}; at most the number of actors).")
    private int steps;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Outputs.checkNotNegative(spec, "--steps", steps);
        return Outputs.run(spec, () -> {
            Graph graph = input.read(false);
            List<DisruptionStep> curve = Disruption.simulate(graph, strategy, mode, steps);
            Outputs.write(out, writer -> CurveCsv.write(curve, writer));
            DisruptionStep last = curve.getLast();
            spec.commandLine().getOut().println("wrote " + out + ": " + last.step() + " removals, largest component "
                    + curve.getFirst().lccSize() + " -> " + last.lccSize());
            return 0;
        });
    }

    static final class StrategyConverter implements ITypeConverter<DisruptionStrategy> {
        @Override
        public DisruptionStrategy convert(String value) {
            try {
                return DisruptionStrategy.fromCliName(value);
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException(unknown.getMessage());
            }
        }
    }

    static final class ModeConverter implements ITypeConverter<DisruptionMode> {
        @Override
        public DisruptionMode convert(String value) {
            try {
                return DisruptionMode.fromCliName(value);
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException(unknown.getMessage());
            }
        }
    }
}
