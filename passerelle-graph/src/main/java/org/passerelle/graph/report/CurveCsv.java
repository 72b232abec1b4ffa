package org.passerelle.graph.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.passerelle.graph.disruption.DisruptionStep;

/**
 * Writes a disruption curve as the {@code CURVE.csv} of {@code passerelle network disrupt}: header
 * {@code step,removed,lcc_size,lcc_ratio,fragmentation}, one row per step, the removed actors joined by {@code |}.
 * A field holding a comma, a quote or a line break is quoted (RFC 4180).
 */
public final class CurveCsv {
    public static final String HEADER = "step,removed,lcc_size,lcc_ratio,fragmentation";

    private CurveCsv() {
    }

    public static void write(List<DisruptionStep> curve, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (DisruptionStep step : curve) {
            out.write(step.step() + "," + field(String.join("|", step.removed())) + "," + step.lccSize() + ","
                    + step.lccRatio() + "," + step.fragmentation() + "\n");
        }
        out.flush();
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
