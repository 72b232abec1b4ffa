package org.passerelle.matching.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.passerelle.matching.PersonRecord;
import org.passerelle.csv.CsvWriter;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.normalize.Places;

/**
 * Writes a synthetic Moroccan registry (names in Arabic and Latin, parents, dates, places in either script), French
 * queries about some of its people and about people it does not hold, and the truth that links them. The same
 * size and seed always give the same files. The registry is streamed, so its size is bounded by disk, not heap.
 */
public final class SyntheticRegistry {
    public static final String REGISTRY = "REGISTRY.csv";
    public static final String QUERIES = "QUERIES.csv";
    /** {@code query_id,person_id}; the person id is empty for a query about someone absent from the registry. */
    public static final String TRUTH = "TRUTH.csv";

    private final NameTables names = new NameTables();
    /** Places by population rank, roughly: the gazetteer lists the big cities first. */
    private final Zipf<Places.Place> places = new Zipf<>(Places.morocco().all(), 1.0);

    /** What was written. */
    public record Summary(long registry, int queries, int absent) {
    }

    public Summary write(Path dir, long size, int queries, double absentShare, QueryNoise queryNoise, long seed,
                         PrintStream progress) throws IOException {
        Files.createDirectories(dir);
        int absent = (int) Math.round(queries * absentShare);
        int present = (int) Math.min(queries - absent, size);
        Random choice = new Random(seed ^ 0x5DEECE66DL);
        BitSet queried = new BitSet();
        while (queried.cardinality() < present) {
            queried.set((int) (choice.nextDouble() * size));
        }
        Random people = new Random(seed);
        Random noise = new Random(seed * 31 + 7);
        List<String[]> queryRows = new ArrayList<>();
        try (CsvWriter registry = writer(dir.resolve(REGISTRY))) {
            registry.row(RecordCsv.Kind.REGISTRY.header().toArray(String[]::new));
            for (long i = 0; i < size; i++) {
                SyntheticPerson person = SyntheticPerson.draw(names, places, people);
                String personId = "MA%09d".formatted(i + 1);
                registry.row(RecordCsv.toRow(MoroccanRegistryStyle.record(personId, person, people)).toArray(String[]::new));
                if (queried.get((int) i)) {
                    queryRows.add(new String[] {personId, queryColumns(FrenchSideNoise.query("", person, queryNoise, noise))});
                }
                if (progress != null && (i + 1) % 1_000_000 == 0) {
                    progress.printf(Locale.ROOT, "synth: %,d records%n", i + 1);
                }
            }
        }
        for (int i = 0; i < absent; i++) {
            SyntheticPerson stranger = SyntheticPerson.draw(names, places, people);
            queryRows.add(new String[] {"", queryColumns(FrenchSideNoise.query("", stranger, queryNoise, noise))});
        }
        Collections.shuffle(queryRows, noise);
        try (CsvWriter queryOut = writer(dir.resolve(QUERIES)); CsvWriter truth = writer(dir.resolve(TRUTH))) {
            queryOut.row(RecordCsv.Kind.QUERIES.header().toArray(String[]::new));
            truth.row("query_id", "person_id");
            for (int i = 0; i < queryRows.size(); i++) {
                String queryId = "Q%06d".formatted(i + 1);
                String[] columns = queryRows.get(i)[1].split("\u001F", -1);
                columns[0] = queryId;
                queryOut.row(columns);
                truth.row(queryId, queryRows.get(i)[0]);
            }
        }
        return new Summary(size, queryRows.size(), absent);
    }

    /** A query's columns packed in one string until queries are shuffled and numbered. */
    private static String queryColumns(PersonRecord query) {
        return String.join("\u001F", RecordCsv.toRow(query));
    }

    private static CsvWriter writer(Path file) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CsvWriter(out);
    }
}
