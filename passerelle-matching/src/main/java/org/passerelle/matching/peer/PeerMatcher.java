package org.passerelle.matching.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.csv.CsvWriter;
import org.passerelle.matching.io.RecordCsv;

/**
 * The two peers. Both index every name word of the registry and the birth years, query with the words of the query's
 * names, and call the first candidate a match when it accounts for every query word and the birth year and no
 * second candidate does — the deterministic rule such systems apply. The fuzzy peer compares words with Lucene's
 * FuzzyQuery (two edits); the metaphone peer compares Double Metaphone codes of Latin words, as Primero does.
 * Neither crosses scripts; that is the point of measuring them.
 */
public final class PeerMatcher {
    /** The two ways of comparing words. */
    public enum Kind { FUZZY, METAPHONE }

    private static final String TERMS = "terms";
    private static final String YEAR = "year";
    private static final String ROW = "row";
    private static final int CANDIDATES = 5;
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int FUZZY_EDITS = 2;

    private final Kind kind;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    public PeerMatcher(Kind kind) {
        this.kind = kind;
    }

    /** Lower-case words without accents, any script. */
    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        return NON_LETTERS.splitAsStream(folded).filter(word -> !word.isEmpty()).toList();
    }

    private Set<String> terms(List<String> names) {
        Set<String> terms = new LinkedHashSet<>();
        for (String name : names) {
            for (String word : words(name)) {
                if (kind == Kind.FUZZY) {
                    terms.add(word);
                } else {
                    String primary = metaphone.doubleMetaphone(word);
                    String alternate = metaphone.doubleMetaphone(word, true);
                    if (primary != null && !primary.isEmpty()) {
                        terms.add(primary);
                        terms.add(alternate);
                    }
                }
            }
        }
        return terms;
    }

    /** Indexes the registry, matches the queries, writes MATCHES.csv; returns the seconds spent matching. */
    public double run(Path registry, Path queries, Path indexDir, Path out) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (FSDirectory directory = FSDirectory.open(indexDir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            try (InputStream in = Files.newInputStream(registry)) {
                RecordCsv.read(in, "registry", RecordCsv.Kind.REGISTRY, record -> index(writer, record), quiet);
            }
            writer.commit();
            List<PersonRecord> batch = new ArrayList<>();
            try (InputStream in = Files.newInputStream(queries)) {
                RecordCsv.read(in, "queries", RecordCsv.Kind.QUERIES, batch::add, quiet);
            }
            long start = System.nanoTime();
            try (DirectoryReader reader = DirectoryReader.open(directory);
                 CsvWriter csv = new CsvWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                IndexSearcher searcher = new IndexSearcher(reader);
                csv.row("query_id", "rank", "person_id", "probability", "decision", "explanation");
                for (PersonRecord query : batch) {
                    match(searcher, query, csv);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private void index(IndexWriter writer, PersonRecord record) {
        Document document = new Document();
        terms(record.names()).forEach(term -> document.add(new StringField(TERMS, term, Field.Store.NO)));
        record.birthDates().forEach(date -> document.add(new StringField(YEAR, Integer.toString(date.year()), Field.Store.NO)));
        document.add(new StoredField(ROW, String.join("\u001F", RecordCsv.toRow(record))));
        try {
            writer.addDocument(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void match(IndexSearcher searcher, PersonRecord query, CsvWriter csv) throws IOException {
        Set<String> terms = terms(query.names());
        if (terms.isEmpty()) {
            return;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            Query clause = kind == Kind.FUZZY ? new FuzzyQuery(new Term(TERMS, term), FUZZY_EDITS)
                    : new TermQuery(new Term(TERMS, term));
            builder.add(clause, BooleanClause.Occur.SHOULD);
        }
        for (BirthDate date : query.birthDates()) {
            builder.add(new TermQuery(new Term(YEAR, Integer.toString(date.year()))), BooleanClause.Occur.SHOULD);
        }
        ScoreDoc[] hits = searcher.search(builder.build(), CANDIDATES).scoreDocs;
        if (hits.length == 0) {
            return;
        }
        float best = hits[0].score;
        List<PersonRecord> candidates = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            String row = searcher.storedFields().document(hit.doc).get(ROW);
            candidates.add(RecordCsv.toRecord(List.of(row.split("\u001F", -1))));
        }
        boolean firstAccounts = accountsForAll(query, candidates.getFirst());
        boolean secondAccounts = candidates.size() > 1 && accountsForAll(query, candidates.get(1));
        for (int rank = 0; rank < candidates.size(); rank++) {
            boolean match = rank == 0 && firstAccounts && !secondAccounts;
            csv.row(query.id(), Integer.toString(rank + 1), candidates.get(rank).id(),
                    String.format(Locale.ROOT, "%.4f", hits[rank].score / best), match ? "match" : "possible",
                    kind.name().toLowerCase(Locale.ROOT) + " score " + hits[rank].score);
        }
    }

    /** Every query word has a counterpart in the candidate's names, and a birth year agrees if the query has one. */
    private boolean accountsForAll(PersonRecord query, PersonRecord candidate) {
        Set<String> candidateTerms = terms(candidate.names());
        for (String term : terms(query.names())) {
            boolean found = kind == Kind.FUZZY
                    ? candidateTerms.stream().anyMatch(other -> editDistance(term, other) <= FUZZY_EDITS)
                    : candidateTerms.contains(term);
            if (!found) {
                return false;
            }
        }
        return query.birthDates().isEmpty() || query.birthDates().stream()
                .anyMatch(q -> candidate.birthDates().stream().anyMatch(c -> c.year() == q.year()));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1,
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code PeerMatcher FUZZY|METAPHONE REGISTRY.csv QUERIES.csv INDEX_DIR MATCHES.csv}. */
    public static void main(String[] args) throws IOException {
        double seconds = new PeerMatcher(Kind.valueOf(args[0])).run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
                Path.of(args[4]));
        System.out.printf(Locale.ROOT, "%s: matched in %.1f s%n", args[0], seconds);
    }
}
