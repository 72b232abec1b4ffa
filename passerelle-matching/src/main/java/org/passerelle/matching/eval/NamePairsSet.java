package org.passerelle.matching.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.passerelle.csv.CsvWriter;
import org.passerelle.matching.io.RecordCsv;

/**
 * A test set built from real transliterations rather than from our own rules: Arabic words that Wikidata shows with
 * several Latin spellings (pairs seen at least twice). Registry people carry two or three such words in Arabic only;
 * queries spell each word with one of its Wikidata Latin spellings, so every match has to cross scripts. Dates: the
 * right one or the conventional 1 January of the right year. A fifth of the queries are about absent people.
 * {@code NamePairsSet wikidata_arabic_latin_tokens.tsv OUT_DIR REGISTRY_SIZE QUERIES SEED}.
 */
public final class NamePairsSet {
    private static final int MIN_COUNT = 2;

    private NamePairsSet() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> spellings = load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        int queries = Integer.parseInt(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        List<String> arabic = new ArrayList<>(spellings.keySet());
        Files.createDirectories(out);
        List<PersonRecord> people = new ArrayList<>();
        for (int i = 0; i < size + queries / 5; i++) {
            int words = 2 + random.nextInt(2);
            List<String> name = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                name.add(arabic.get(random.nextInt(arabic.size())));
            }
            BirthDate date = new BirthDate(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            people.add(new PersonRecord("MA%07d".formatted(i + 1), List.of(String.join(" ", name)), Sex.UNKNOWN,
                    List.of(date), "", "", ""));
        }
        try (CsvWriter registry = new CsvWriter(Files.newBufferedWriter(out.resolve("REGISTRY.csv"), StandardCharsets.UTF_8));
             CsvWriter query = new CsvWriter(Files.newBufferedWriter(out.resolve("QUERIES.csv"), StandardCharsets.UTF_8));
             CsvWriter truth = new CsvWriter(Files.newBufferedWriter(out.resolve("TRUTH.csv"), StandardCharsets.UTF_8))) {
            registry.row(RecordCsv.Kind.REGISTRY.header().toArray(String[]::new));
            query.row(RecordCsv.Kind.QUERIES.header().toArray(String[]::new));
            truth.row("query_id", "person_id");
            for (PersonRecord person : people.subList(0, size)) {
                registry.row(RecordCsv.toRow(person).toArray(String[]::new));
            }
            for (int q = 0; q < queries; q++) {
                boolean absent = q % 5 == 0;
                PersonRecord person = absent ? people.get(size + q / 5) : people.get(random.nextInt(size));
                List<String> latin = new ArrayList<>();
                for (String word : person.names().getFirst().split(" ")) {
                    List<String> options = spellings.get(word);
                    latin.add(options.get(random.nextInt(options.size())));
                }
                BirthDate date = person.birthDates().getFirst();
                BirthDate written = random.nextBoolean() ? date : new BirthDate(date.year(), 1, 1);
                String id = "Q%06d".formatted(q + 1);
                query.row(RecordCsv.toRow(new PersonRecord(id, List.of(String.join(" ", latin)), Sex.UNKNOWN,
                        List.of(written), "", "", "")).toArray(String[]::new));
                truth.row(id, absent ? "" : person.id());
            }
        }
    }

    /** Arabic word → its Latin spellings seen at least twice, for words with two spellings or more. */
    private static Map<String, List<String>> load(Path tsv) throws IOException {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length == 3 && Integer.parseInt(fields[2]) >= MIN_COUNT) {
                spellings.computeIfAbsent(fields[1].replace(" ", ""), k -> new ArrayList<>()).add(fields[0]);
            }
        }
        spellings.values().removeIf(latin -> latin.size() < 2);
        return spellings;
    }
}
