package org.passerelle.graph.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.passerelle.csv.CsvWriter;
import org.passerelle.graph.disruption.DisruptionStep;

/**
 * Writes a disruption curve as the {@code CURVE.csv} of {@code passerelle network disrupt}: header
 * {@code step,removed,lcc_size,lcc_ratio,fragmentation}, one row per step, the removed actors joined by {@code |},
 * through the project's CSV writer (RFC 4180 quoting; an actor's name that would start a spreadsheet formula stays text).
 */
public final class CurveCsv {
    public static final String HEADER = "step,removed,lcc_size,lcc_ratio,fragmentation";

    private CurveCsv() {
    }

    public static void write(List<DisruptionStep> curve, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(HEADER.split(","));
        for (DisruptionStep step : curve) {
            csv.row(Integer.toString(step.step()), String.join("|", step.removed()), Integer.toString(step.lccSize()),
                    Double.toString(step.lccRatio()), Double.toString(step.fragmentation()));
        }
        csv.flush();
    }
}
