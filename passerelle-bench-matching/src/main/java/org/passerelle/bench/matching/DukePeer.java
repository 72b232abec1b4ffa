package org.passerelle.bench.matching;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Runs Duke 1.2 in record-linkage mode: registry records in group 1, queries in group 2, compared on the Latin name
 * (Jaro–Winkler over words), the birth year and sex, with Duke's own Bayesian combination, over the 30 best Lucene
 * candidates per query. Writes MATCHES.csv in
 * the engine's format (up to 5 candidates per query, "match" at Duke's threshold, "possible" at its maybe-threshold).
 * {@code DukePeer REGISTRY.csv QUERIES.csv MATCHES.csv WORK_DIR}.
 */
public final class DukePeer {
    private static final double THRESHOLD = 0.85;
    private static final double MAYBE = 0.6;
    private static final int TOP = 5;
    /** Candidates Duke's Lucene index returns per query: the engine's pool size, and Duke's default is a million. */
    private static final int SEARCH_HITS = 30;

    private record Candidate(String personId, double confidence) {
    }

    public static void main(String[] args) throws Exception {
        Path registry = Path.of(args[0]).toAbsolutePath();
        Path queries = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Path config = work.resolve("duke.xml");
        Files.writeString(config, config(registry, queries));
        Configuration configuration = ConfigLoader.load(config.toString());
        Map<String, List<Candidate>> byQuery = new HashMap<>();
        Processor processor = new Processor(configuration);
        processor.addMatchListener(new AbstractMatchListener() {
            @Override
            public void matches(Record r1, Record r2, double confidence) {
                record(r1, r2, confidence);
            }

            @Override
            public void matchesPerhaps(Record r1, Record r2, double confidence) {
                record(r1, r2, confidence);
            }

            private void record(Record r1, Record r2, double confidence) {
                Record query = r1.getValue("ID").startsWith("Q") ? r1 : r2;
                Record person = query == r1 ? r2 : r1;
                synchronized (byQuery) {
                    byQuery.computeIfAbsent(query.getValue("ID"), q -> new ArrayList<>())
                            .add(new Candidate(person.getValue("ID"), confidence));
                }
            }
        });
        long start = System.nanoTime();
        processor.link();
        processor.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            csv.print("query_id,rank,person_id,probability,decision,explanation\r\n");
            for (Map.Entry<String, List<Candidate>> entry : byQuery.entrySet()) {
                List<Candidate> candidates = entry.getValue().stream()
                        .sorted(Comparator.comparingDouble(Candidate::confidence).reversed()).limit(TOP).toList();
                for (int rank = 0; rank < candidates.size(); rank++) {
                    Candidate c = candidates.get(rank);
                    String decision = rank == 0 && c.confidence() >= THRESHOLD ? "match" : "possible";
                    csv.printf(Locale.ROOT, "%s,%d,%s,%.4f,%s,duke confidence%s", entry.getKey(), rank + 1,
                            c.personId(), c.confidence(), decision, "\r\n");
                }
            }
        }
        System.out.printf(Locale.ROOT, "duke: indexed and linked in %.1f s, %d queries with candidates%n", seconds,
                byQuery.size());
    }

    private static String config(Path registry, Path queries) {
        String cleaner = LatinNameCleaner.class.getName();
        String year = YearCleaner.class.getName();
        return """
                <duke>
                  <schema>
                    <threshold>%s</threshold>
                    <maybe-threshold>%s</maybe-threshold>
                    <property type="id"><name>ID</name></property>
                    <property><name>NAME</name>
                      <comparator>no.priv.garshol.duke.comparators.JaroWinklerTokenized</comparator>
                      <low>0.05</low><high>0.95</high></property>
                    <property><name>YEAR</name>
                      <comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator>
                      <low>0.3</low><high>0.75</high></property>
                    <property><name>SEX</name>
                      <comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator>
                      <low>0.2</low><high>0.55</high></property>
                  </schema>
                  <database class="no.priv.garshol.duke.databases.LuceneDatabase">
                    <param name="max-search-hits" value="%d"/>
                  </database>
                  <group>
                    <csv>
                      <param name="input-file" value="%s"/>
                      <column name="person_id" property="ID"/>
                      <column name="names" property="NAME" cleaner="%s"/>
                      <column name="birth_date" property="YEAR" cleaner="%s"/>
                      <column name="sex" property="SEX"/>
                    </csv>
                  </group>
                  <group>
                    <csv>
                      <param name="input-file" value="%s"/>
                      <column name="query_id" property="ID"/>
                      <column name="names" property="NAME" cleaner="%s"/>
                      <column name="birth_date" property="YEAR" cleaner="%s"/>
                      <column name="sex" property="SEX"/>
                    </csv>
                  </group>
                </duke>
                """.formatted(THRESHOLD, MAYBE, SEARCH_HITS, registry, cleaner, year, queries, cleaner, year);
    }
}
