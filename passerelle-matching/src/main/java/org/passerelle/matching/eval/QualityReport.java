package org.passerelle.matching.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.passerelle.matching.PersonRecord;
import org.passerelle.csv.CsvReader;
import org.passerelle.matching.io.RecordCsv;

/**
 * Scores a MATCHES.csv against the truth: precision and recall of the {@code match} decision at rank 1,
 * recall@1 and recall@N for people present in the registry, and a calibration table of predicted probabilities
 * against observed match rates over every reported row; given the queries, the same by what each query carries.
 */
public final class QualityReport {
    private static final int BINS = 10;

    /** One reported candidate, reduced to what the report needs. */
    public record Row(String queryId, int rank, String personId, double probability, String decision) {
    }

    private final Map<String, String> truth;
    private final Map<String, List<Row>> rowsByQuery;

    public QualityReport(Map<String, String> truth, List<Row> rows) {
        this.truth = truth;
        this.rowsByQuery = new HashMap<>();
        rows.forEach(row -> rowsByQuery.computeIfAbsent(row.queryId(), q -> new ArrayList<>()).add(row));
    }

    public static QualityReport read(Path truthFile, Path matchesFile) throws IOException {
        Map<String, String> truth = new HashMap<>();
        for (List<String> row : rows(truthFile)) {
            truth.put(row.get(0), row.get(1));
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> row : rows(matchesFile)) {
            rows.add(new Row(row.get(0), Integer.parseInt(row.get(1)), row.get(2), Double.parseDouble(row.get(3)), row.get(4)));
        }
        return new QualityReport(truth, rows);
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            reader.next();
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Precision and recall of {@code match} at rank 1, and recall at rank 1 and at any rank, over present people. */
    public record Summary(int queries, int present, int matchesDeclared, int matchesCorrect, double precision,
                          double recall, double recallAt1, double recallAtN) {
    }

    public Summary summary() {
        return summary(truth.keySet());
    }

    /** The summary over some of the queries. */
    public Summary summary(Collection<String> queryIds) {
        int present = 0;
        int declared = 0;
        int correct = 0;
        int foundAt1 = 0;
        int foundAtN = 0;
        for (String queryId : queryIds) {
            String expected = truth.get(queryId);
            List<Row> rows = rowsByQuery.getOrDefault(queryId, List.of());
            boolean isPresent = !expected.isEmpty();
            present += isPresent ? 1 : 0;
            Row first = rows.stream().filter(r -> r.rank() == 1).findFirst().orElse(null);
            if (first != null && first.decision().equals("match")) {
                declared++;
                correct += first.personId().equals(expected) ? 1 : 0;
            }
            if (isPresent && first != null && first.personId().equals(expected)) {
                foundAt1++;
            }
            if (isPresent && rows.stream().anyMatch(r -> r.personId().equals(expected))) {
                foundAtN++;
            }
        }
        return new Summary(queryIds.size(), present, declared, correct, declared == 0 ? 1 : (double) correct / declared,
                present == 0 ? 1 : (double) correct / present, present == 0 ? 1 : (double) foundAt1 / present,
                present == 0 ? 1 : (double) foundAtN / present);
    }

    /**
     * Queries about people absent from the registry whose best candidate is nonetheless declared a match: the false
     * matches a user would act on, as a share of the absent queries (0 when there are none).
     */
    public double absentDeclaredMatch() {
        long absent = truth.values().stream().filter(String::isEmpty).count();
        long declared = truth.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .filter(e -> rowsByQuery.getOrDefault(e.getKey(), List.of()).stream()
                        .anyMatch(r -> r.rank() == 1 && r.decision().equals("match"))).count();
        return absent == 0 ? 0 : (double) declared / absent;
    }

    /**
     * The summary by what the queries carry: an exact birth date or not (1 January, a year alone, none), and how
     * many parents' names. It shows where the evidence runs short: a common name with a year alone and no parent
     * fits several people of a large registry, and no engine can call one of them a match at 0.99 precision.
     */
    public String strataTable(Map<String, PersonRecord> queries) {
        Map<String, List<String>> strata = new TreeMap<>();
        truth.keySet().forEach(id -> Optional.ofNullable(queries.get(id)).ifPresent(query ->
                strata.computeIfAbsent(stratum(query), s -> new ArrayList<>()).add(id)));
        StringBuilder out = new StringBuilder("| the query carries | queries | present | precision | recall | recall@1 "
                + "|\n|---|---|---|---|---|---|\n");
        strata.forEach((label, ids) -> {
            Summary s = summary(ids);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f |%n", label, s.queries(),
                    s.present(), s.precision(), s.recall(), s.recallAt1()));
        });
        return out.toString();
    }

    private static String stratum(PersonRecord query) {
        boolean exactDate = query.birthDates().stream().anyMatch(date -> date.day() != 0 && !date.isConventional());
        int parents = (query.fatherName().isBlank() ? 0 : 1) + (query.motherName().isBlank() ? 0 : 1);
        return (exactDate ? "exact date" : "no exact date") + ", " + switch (parents) {
            case 0 -> "no parent";
            case 1 -> "one parent";
            default -> "both parents";
        };
    }

    /** Precision and recall of "rank 1 is the person" when rank 1 is called a match from each threshold. */
    public String thresholdTable(double... thresholds) {
        StringBuilder out = new StringBuilder("| match threshold | declared | precision | recall |\n|---|---|---|---|\n");
        long present = truth.values().stream().filter(id -> !id.isEmpty()).count();
        for (double threshold : thresholds) {
            int declared = 0;
            int correct = 0;
            for (Map.Entry<String, String> entry : truth.entrySet()) {
                Row first = rowsByQuery.getOrDefault(entry.getKey(), List.of()).stream()
                        .filter(r -> r.rank() == 1).findFirst().orElse(null);
                if (first != null && first.probability() >= threshold) {
                    declared++;
                    correct += first.personId().equals(entry.getValue()) ? 1 : 0;
                }
            }
            out.append(String.format(Locale.ROOT, "| %.2f | %d | %.4f | %.4f |%n", threshold, declared,
                    declared == 0 ? 1 : (double) correct / declared, present == 0 ? 1 : (double) correct / present));
        }
        return out.toString();
    }

    /** Rows per probability decile: count, mean predicted probability, observed share of true matches. */
    public List<double[]> calibration() {
        double[][] bins = new double[BINS][3];
        rowsByQuery.values().forEach(rows -> rows.forEach(row -> {
            int bin = Math.min(BINS - 1, (int) (row.probability() * BINS));
            bins[bin][0]++;
            bins[bin][1] += row.probability();
            bins[bin][2] += row.personId().equals(truth.get(row.queryId())) ? 1 : 0;
        }));
        List<double[]> table = new ArrayList<>();
        for (double[] bin : bins) {
            table.add(new double[] {bin[0], bin[0] == 0 ? 0 : bin[1] / bin[0], bin[0] == 0 ? 0 : bin[2] / bin[0]});
        }
        return table;
    }

    /** The report as Markdown, for docs/benchmarks. */
    public String markdown() {
        Summary s = summary();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| queries | present | declared match | correct | precision | recall "
                + "| recall@1 | recall@N |%n|---|---|---|---|---|---|---|---|%n| %d | %d | %d | %d | %.4f | %.4f | %.4f "
                + "| %.4f |%n%n", s.queries(), s.present(), s.matchesDeclared(), s.matchesCorrect(), s.precision(),
                s.recall(), s.recallAt1(), s.recallAtN()));
        out.append("| predicted | rows | mean predicted | observed |\n|---|---|---|---|\n");
        List<double[]> table = calibration();
        out.insert(out.indexOf("| predicted |"), thresholdTable(0.5, 0.8, 0.9, 0.95, 0.99) + "\n");
        for (int bin = 0; bin < BINS; bin++) {
            double[] row = table.get(bin);
            out.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", bin / (double) BINS,
                    (bin + 1) / (double) BINS, (long) row[0], row[1], row[2]));
        }
        return out.toString();
    }

    /** {@code QualityReport TRUTH.csv MATCHES.csv [QUERIES.csv]}: prints the Markdown report, by stratum too. */
    public static void main(String[] args) throws IOException {
        QualityReport report = read(Path.of(args[0]), Path.of(args[1]));
        System.out.print(report.markdown());
        System.out.printf(Locale.ROOT, "%nabsent people declared a match: %.4f of the absent queries%n",
                report.absentDeclaredMatch());
        if (args.length > 2) {
            Map<String, PersonRecord> queries = new HashMap<>();
            try (InputStream input = Files.newInputStream(Path.of(args[2]))) {
                RecordCsv.read(input, args[2], RecordCsv.Kind.QUERIES, query -> queries.put(query.id(), query), System.err);
            }
            System.out.print(System.lineSeparator() + report.strataTable(queries));
        }
    }
}
