package org.passerelle.graph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.passerelle.graph.Graph;
import org.passerelle.graph.report.AnalysisJson;
import org.passerelle.graph.report.NetworkAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code network analyze}: every measure of every actor, the communities and the graph's figures, as JSON. */
@Command(name = "analyze",
        description = {
            "Compute degree, betweenness, closeness, harmonic, eigenvector, PageRank, collective influence, core "
                    + "number, component, articulation points, bridges and Louvain communities; write them as JSON.",
            "Unless --directed, the graph is undirected and unweighted: an edge wherever either direction has a "
                    + "link of weight > 0; self-loops dropped."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "REPORT.json", description = "Report to write.")
    private Path out;

    @Option(names = "--directed", description = "Keep the links' directions (caller to callee).")
    private boolean directed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Outputs.run(spec, () -> {
            Graph graph = input.read(directed);
            NetworkAnalysis analysis = NetworkAnalysis.of(graph);
            Outputs.write(out, writer -> AnalysisJson.write(analysis, writer));
            spec.commandLine().getOut().println("wrote " + out + ": " + graph.nodeCount() + " actors, "
                    + graph.edgeCount() + " links, " + analysis.communities().count() + " communities");
            analysis.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
            return 0;
        });
    }
}
