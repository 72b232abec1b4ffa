package org.passerelle.matching.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.normalize.ArabicText;
import org.passerelle.matching.normalize.NameUnit;
import org.passerelle.matching.score.RegistryFrequencies;

/**
 * The registry on disk, in Lucene: each record is indexed under the bridge keys of its names (exactly, and through
 * every one-letter deletion, so that one typo still meets), under each key paired with its birth year, under its
 * exact Latin spellings paired with the year, under each key paired with its parents' name keys and with its place
 * of birth, under its full birth date, and under its place of birth alone (counted, so that a shared place weighs
 * by how many were born there). The record is kept whole in binary doc values, which unlike stored
 * fields are not block-compressed: fetching thirty candidates decompresses nothing. A query becomes a disjunction
 * over those terms, ranked by BM25, whose inverse document frequency favours rare names: candidates come from
 * posting lists, never from a scan of the registry. Pairing names with years keeps the posting lists short, so that
 * Lucene's dynamic pruning can skip the long lists of common names. Heap use does not grow with the registry.
 */
public final class RegistryIndex implements Closeable {
    /** Version of the fields and keys written; bump it whenever indexing or keying changes. */
    public static final int LAYOUT = 16;
    static final String ID = "id";
    static final String NAME = "name";
    static final String NAME_DELETIONS = "name_del";
    static final String NAME_YEAR = "name_year";
    static final String SPELLING_YEAR = "spelling_year";
    static final String NAME_FATHER = "name_father";
    static final String NAME_MOTHER = "name_mother";
    static final String NAME_PLACE = "name_place";
    static final String PLACE = "place";
    static final String DATE = "date";
    static final String RECORD = "record";
    static final String ID_HASH = "id_hash";
    private static final char COLUMN_SEPARATOR = '\u001F';
    private static final int MIN_KEY_FOR_DELETIONS = 4;
    private static final int MIN_KEY_FOR_FUZZY = 3;
    private static final float DELETION_BOOST = 0.6f;
    private static final float NEAR_YEAR_BOOST = 0.3f;
    private static final float NEAR_ESTIMATED_YEAR_BOOST = 0.6f;
    private static final float SPELLING_BOOST = 0.5f;
    private static final float PARENT_BOOST = 0.5f;
    private static final float PLACE_BOOST = 0.5f;
    private static final int FREQUENCY_CACHE_LIMIT = 1 << 20;
    /**
     * A key held by more than one record in this many, and by more than {@link #COMMON_KEY_RECORDS}, is common: the
     * query keeps its exact and year-paired terms but not its one-typo variants, whose posting lists are the longest
     * of all (the deletions of Mohamed's key reach every Ahmed and Hamid), while a typo in a common given name rarely
     * hides a person whose other names still meet.
     */
    private static final int COMMON_KEY_RATIO = 1_000;
    private static final int COMMON_KEY_RECORDS = 1_000;
    private static final int CROWDED_KEY_RATIO = 100;
    private static final double IMPORT_BUFFER_MB = 256;

    private static final Sort BY_ID = new Sort(new SortField(ID, SortField.Type.STRING));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Integer> recordsPerKey = new ConcurrentHashMap<>();
    /** Records per place of birth, trimmed like the names' counts: spellings outside the gazetteer can be many. */
    private final Map<String, Integer> recordsPerPlace = new ConcurrentHashMap<>();
    /** Records visible to searches, refreshed on commit: read for every name weight, so kept at hand. */
    private volatile int searchableSize;

    private RegistryIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = openWriter(directory);
        this.searchers = new SearcherManager(writer, null);
        this.searchableSize = countSearchable();
    }

    /**
     * A writer keeping every segment sorted by record id, so that BM25's equal scores, which Lucene orders by document
     * number, come in the order of ids within a segment. An index written before that (or with another order) cannot
     * take it: it is a cache of the registry, so it is emptied and its owner rebuilds it (its facts are gone with it).
     */
    private static IndexWriter openWriter(Directory directory) throws IOException {
        try {
            return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IllegalArgumentException differentSort) {
            return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig().setRAMBufferSizeMB(IMPORT_BUFFER_MB).setOpenMode(mode).setIndexSort(BY_ID);
    }

    /** Opens the index in {@code dir}, creating an empty one if there is none. */
    public static RegistryIndex open(Path dir) throws IOException {
        return new RegistryIndex(FSDirectory.open(dir));
    }

    /** Adds a record, or replaces the record with the same id: the incremental path. Visible after {@link #commit}. */
    public void put(PersonRecord record) throws IOException {
        writer.updateDocument(new Term(ID, record.id()), document(PreparedRecord.of(record)));
    }

    /** Adds a record without looking for an older one with its id: the fast path of a full import or rebuild. */
    public void append(PreparedRecord record) throws IOException {
        writer.addDocument(document(record));
    }

    /** Empties the index, for a rebuild; takes effect with the next {@link #commit}. */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    /**
     * Merges the index into one segment, after a full import: a query looks each of its terms up in every segment,
     * and a large import leaves several, so one segment answers markedly faster for a merge of seconds (measured in
     * docs/benchmarks/matching.md). Records added later go to new segments, merged as Lucene sees fit.
     */
    public void mergeIntoOneSegment() throws IOException {
        writer.forceMerge(1);
    }

    /** Makes changes durable and visible to searches, with a few facts about the import kept beside them. */
    public void commit(Map<String, String> facts) throws IOException {
        writer.setLiveCommitData(facts.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        recordsPerKey.clear();
        recordsPerPlace.clear();
        searchableSize = countSearchable();
    }

    /** The facts given to the last {@link #commit}, empty for a new index. */
    public Map<String, String> facts() {
        Map<String, String> facts = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(entry -> facts.put(entry.getKey(), entry.getValue()));
        }
        return facts;
    }

    /** Number of records visible to searches. */
    public int size() {
        return searchableSize;
    }

    private int countSearchable() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /** The best {@code limit} candidates for a query, by BM25 over the blocking terms. */
    public List<PreparedRecord> candidates(PreparedRecord query, int limit) throws IOException {
        return search(query, limit, true);
    }

    /**
     * Candidates for estimating the model: found without pairing names with the place of birth or the parents' names.
     * A field that picks the pairs cannot be learnt from them (Splink's rule for blocking and EM): among candidates
     * chosen for being born in the same town, strangers agree on the town too, EM's match class takes them in, and the
     * place, the date and the names come out weighing too little against them (at 100k, precision of "match" fell
     * from 0.99 to 0.985); the same holds for a parent's name.
     */
    public List<PreparedRecord> estimationCandidates(PreparedRecord query, int limit) throws IOException {
        return search(query, limit, false);
    }

    /** A search hit as the tie rule sees it: best score first, equal scores by record id. */
    private interface Ranked {
        float score();

        String id();

        Comparator<Ranked> ORDER = Comparator.comparing(Ranked::score, Comparator.reverseOrder())
                .thenComparing(Ranked::id);
    }

    private record Hit(float score, PreparedRecord record) implements Ranked {
        @Override
        public String id() {
            return record.record().id();
        }
    }

    /** Below the cut's score by this many steps of a float, a record is still collected as tied with it. */
    private static final int TIE_ULPS = 4;

    /**
     * The best {@code limit} hits again, equal scores by id, when records tie across the cut of an index of several
     * segments: every record scoring at least the cut (less a few float steps, since scorers may add a record's terms
     * in another order) is collected with its id, and the lowest ids among equals kept. Lucene skips the records below
     * the cut as it goes. The node's own books are in this case (records added in increments); a registry imported
     * whole is one segment and never pays for it.
     */
    private static ScoreDoc[] settleTieAtCut(IndexSearcher searcher, Query query, int limit, float cut)
            throws IOException {
        float floor = cut;
        for (int i = 0; i < TIE_ULPS; i++) {
            floor = Math.nextDown(floor);
        }
        float collectFrom = floor;
        List<ScoredId> all = searcher.search(query, new CollectorManager<AtLeast, List<ScoredId>>() {
            @Override
            public AtLeast newCollector() {
                return new AtLeast(collectFrom);
            }

            @Override
            public List<ScoredId> reduce(Collection<AtLeast> collectors) {
                return collectors.stream().flatMap(c -> c.found.stream()).toList();
            }
        });
        return all.stream().sorted(Ranked.ORDER).limit(limit)
                .map(hit -> new ScoreDoc(hit.doc(), hit.score())).toArray(ScoreDoc[]::new);
    }

    private record ScoredId(float score, String id, int doc) implements Ranked {
    }

    /** Collects every record scoring at least {@code floor}, with its id, and lets the scorer skip the rest. */
    private static final class AtLeast extends SimpleCollector {
        private final float floor;
        private final List<ScoredId> found = new ArrayList<>();
        private Scorable scorer;
        private SortedDocValues ids;
        private int docBase;

        AtLeast(float floor) {
            this.floor = floor;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            docBase = context.docBase;
            ids = context.reader().getSortedDocValues(ID);
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            scorer.setMinCompetitiveScore(floor);
        }

        @Override
        public void collect(int doc) throws IOException {
            float score = scorer.score();
            if (score >= floor && ids != null && ids.advanceExact(doc)) {
                found.add(new ScoredId(score, ids.lookupOrd(ids.ordValue()).utf8ToString(), docBase + doc));
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }

    /**
     * The best {@code limit} records by BM25, equal scores in the order of their ids. Lucene keeps, among equal scores
     * at the cut, the lowest document numbers; segments sorted by id make those the lowest ids in a one-segment index
     * (what an import leaves), whatever order threads fed it. In an index of several segments a tie across the cut
     * would be settled by segment order, so it is settled again by id ({@link #settleTieAtCut}). Sorting every search
     * by score and id instead was measured a sixth slower at 10M: Lucene can then no longer skip the tied records.
     */
    private List<PreparedRecord> search(PreparedRecord query, int limit, boolean pairings) throws IOException {
        int common = Math.max(COMMON_KEY_RECORDS, searchableSize / COMMON_KEY_RATIO);
        int crowded = Math.max(COMMON_KEY_RECORDS, searchableSize / CROWDED_KEY_RATIO);
        Query lucene = blockingQuery(query, key -> recordsHolding(key) > common, key -> recordsHolding(key) > crowded, pairings);
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            boolean severalSegments = reader.leaves().size() > 1;
            ScoreDoc[] hits = searcher.search(lucene, severalSegments ? limit + 1 : limit).scoreDocs;
            if (hits.length > limit && hits[limit].score == hits[limit - 1].score) {
                hits = settleTieAtCut(searcher, lucene, limit, hits[limit - 1].score);
            }
            List<Hit> found = new ArrayList<>(Math.min(limit, hits.length));
            for (int i = 0; i < hits.length && i < limit; i++) {
                found.add(new Hit(hits[i].score, record(reader, hits[i].doc)));
            }
            // Within the cut, equal scores by id whatever segment they came from.
            found.sort(Ranked.ORDER);
            return found.stream().map(Hit::record).toList();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Up to {@code count} records drawn at random, for measuring chance agreement: those whose id, hashed with the
     * seed, comes lowest (a bottom-k sample), in that order. The draw depends on the records and the seed alone, not on
     * document numbers, so the same registry gives the same strangers however it was indexed.
     */
    public List<PreparedRecord> randomRecords(int count, long seed) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            PriorityQueue<Drawn> lowest = new PriorityQueue<>(DRAW_ORDER.reversed());
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                NumericDocValues hashes = leaf.reader().getNumericDocValues(ID_HASH);
                SortedDocValues ids = leaf.reader().getSortedDocValues(ID);
                if (hashes == null || ids == null) {
                    continue;
                }
                for (int doc = hashes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hashes.nextDoc()) {
                    long rank = mix(hashes.longValue() ^ seed);
                    boolean competes = lowest.size() < count || (count > 0 && rank <= lowest.peek().rank());
                    if (competes && (live == null || live.get(doc)) && ids.advanceExact(doc)) {
                        lowest.add(new Drawn(rank, ids.lookupOrd(ids.ordValue()).utf8ToString(), leaf.docBase + doc));
                        if (lowest.size() > count) {
                            lowest.poll();
                        }
                    }
                }
            }
            List<Drawn> drawn = new ArrayList<>(lowest);
            drawn.sort(DRAW_ORDER);
            List<PreparedRecord> records = new ArrayList<>(drawn.size());
            for (Drawn d : drawn) {
                records.add(record(reader, d.doc()));
            }
            return records;
        } finally {
            searchers.release(searcher);
        }
    }

    /** A record drawn: its place in the seeded draw (its hashed id, then the id should two hashes collide). */
    private record Drawn(long rank, String id, int doc) {
    }

    private static final Comparator<Drawn> DRAW_ORDER = Comparator.comparingLong(Drawn::rank).thenComparing(Drawn::id);

    /** A 64-bit hash of an id, kept with the record: FNV-1a over its characters, mixed. */
    static long idHash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    /** SplitMix64's finaliser: every input bit moves every output bit, so a seed reshuffles the whole draw. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static PreparedRecord record(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(RECORD);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("record " + doc + " has no stored row");
        }
        String row = values.binaryValue().utf8ToString();
        return PreparedRecord.of(RecordCsv.toRecord(List.of(row.split(String.valueOf(COLUMN_SEPARATOR), -1))));
    }

    /** Frequencies of names and places of birth as the searchable registry has them. */
    public RegistryFrequencies frequencies() {
        return new RegistryFrequencies() {
            @Override
            public double bits(String key) {
                return RegistryFrequencies.fromCount(recordsHolding(key), searchableSize);
            }

            @Override
            public long records() {
                return searchableSize;
            }

            @Override
            public double placeBits(String place) {
                int records = recordsBornIn(place);
                // None at all: an index written before places were counted, or a term no record holds.
                return records == 0 ? Double.NaN : RegistryFrequencies.fromCount(records, searchableSize);
            }
        };
    }

    private int recordsHolding(String key) {
        return counted(recordsPerKey, NAME, key);
    }

    private int recordsBornIn(String place) {
        return counted(recordsPerPlace, PLACE, place);
    }

    /** Records holding {@code value} in {@code field}, from {@code cache}, which is emptied when it grows too big. */
    private int counted(Map<String, Integer> cache, String field, String value) {
        if (cache.size() > FREQUENCY_CACHE_LIMIT) {
            cache.clear();
        }
        return cache.computeIfAbsent(value, v -> docFreq(field, v));
    }

    private int docFreq(String field, String value) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().docFreq(new Term(field, value));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Query blockingQuery(PreparedRecord query, Predicate<String> common, Predicate<String> crowded,
                               boolean pairings) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Map<Integer, Float> years = nearYearBoosts(query.record().birthDates());
        for (String key : query.nameKeys()) {
            if (!crowded.test(key)) {
                List<Query> ways = new ArrayList<>();
                ways.add(new TermQuery(new Term(NAME, key)));
                if (key.length() >= MIN_KEY_FOR_FUZZY && !common.test(key)) {
                    ways.add(new BoostQuery(new TermQuery(new Term(NAME_DELETIONS, key)), DELETION_BOOST));
                    for (String deletion : deletions(key)) {
                        ways.add(new BoostQuery(new TermQuery(new Term(NAME_DELETIONS, deletion)), DELETION_BOOST));
                    }
                }
                builder.add(new DisjunctionMaxQuery(ways, 0), BooleanClause.Occur.SHOULD);
            } else if (years.isEmpty()) {
                builder.add(new TermQuery(new Term(NAME, key)), BooleanClause.Occur.SHOULD);
            }
            addWithYears(builder, NAME_YEAR, key, years, 1);
            if (pairings) {
                parentTerms(key, query, !common.test(key)).forEach(term -> builder.add(new BoostQuery(new TermQuery(term), PARENT_BOOST),
                        BooleanClause.Occur.SHOULD));
                query.birthPlace().term().ifPresent(place -> builder.add(
                        new BoostQuery(new TermQuery(new Term(NAME_PLACE, key + '#' + place)), PLACE_BOOST),
                        BooleanClause.Occur.SHOULD));
            }
        }
        for (String glued : query.gluedKeys()) {
            builder.add(new TermQuery(new Term(NAME, glued)), BooleanClause.Occur.SHOULD);
            addWithYears(builder, NAME_YEAR, glued, years, 1);
        }
        for (String spelling : spellings(query)) {
            addWithYears(builder, SPELLING_YEAR, spelling, years, SPELLING_BOOST);
        }
        for (BirthDate date : query.record().birthDates()) {
            if (date.day() != 0 && !date.isConventional()) {
                builder.add(new TermQuery(new Term(DATE, date.toString())), BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    /**
     * A name key paired with each parent's name keys. Among a hundred namesakes born the same year, the mother's
     * name is what sets the right one apart, so it must bring it among the candidates. A query pairs the mother's
     * name with its less common keys only: paired with Fatima or Mohamed too, it found 11 more people of 8,000 at 1M
     * and cost a fifth of the throughput.
     */
    private static List<Term> parentTerms(String key, PreparedRecord record, boolean withMother) {
        List<Term> terms = new ArrayList<>();
        record.father().stream().map(NameUnit::key).distinct()
                .forEach(father -> terms.add(new Term(NAME_FATHER, key + '/' + father)));
        if (withMother) {
            record.mother().stream().map(NameUnit::key).distinct()
                    .forEach(mother -> terms.add(new Term(NAME_MOTHER, key + '/' + mother)));
        }
        return terms;
    }

    /**
     * The query's years, each with the weight of the years either side: a conventional date (1 January, a year alone)
     * is often an estimated age, and estimates are often a year off, so its neighbours count more than a full
     * date's; a year given both ways keeps the full date's weight.
     */
    static Map<Integer, Float> nearYearBoosts(List<BirthDate> dates) {
        Map<Integer, Float> years = new LinkedHashMap<>();
        for (BirthDate date : dates) {
            years.merge(date.year(), date.isConventional() ? NEAR_ESTIMATED_YEAR_BOOST : NEAR_YEAR_BOOST, Math::min);
        }
        return years;
    }

    /** The value paired with each year, and more weakly with the years either side. */
    private static void addWithYears(BooleanQuery.Builder builder, String field, String value,
                                     Map<Integer, Float> years, float boost) {
        years.forEach((year, nearBoost) -> {
            builder.add(new BoostQuery(new TermQuery(new Term(field, paired(value, year))), boost), BooleanClause.Occur.SHOULD);
            for (int near : new int[] {year - 1, year + 1}) {
                builder.add(new BoostQuery(new TermQuery(new Term(field, paired(value, near))), boost * nearBoost),
                        BooleanClause.Occur.SHOULD);
            }
        });
    }

    private static String paired(String value, int year) {
        return value + '@' + year;
    }

    private static Document document(PreparedRecord prepared) {
        PersonRecord record = prepared.record();
        Document document = new Document();
        document.add(new StringField(ID, record.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(record.id())));
        document.add(new NumericDocValuesField(ID_HASH, idHash(record.id())));
        Set<String> deletionTerms = new LinkedHashSet<>();
        for (String key : prepared.nameKeys()) {
            document.add(new StringField(NAME, key, Field.Store.NO));
            if (key.length() >= MIN_KEY_FOR_FUZZY) {
                deletionTerms.add(key);
                deletionTerms.addAll(deletions(key));
            }
        }
        deletionTerms.forEach(term -> document.add(new StringField(NAME_DELETIONS, term, Field.Store.NO)));
        Set<Integer> years = new LinkedHashSet<>();
        record.birthDates().forEach(date -> years.add(date.year()));
        for (int year : years) {
            prepared.nameKeys().forEach(key -> document.add(new StringField(NAME_YEAR, paired(key, year), Field.Store.NO)));
            spellings(prepared).forEach(spelling ->
                    document.add(new StringField(SPELLING_YEAR, paired(spelling, year), Field.Store.NO)));
        }
        record.birthDates().stream().filter(date -> date.day() != 0).map(BirthDate::toString).distinct()
                .forEach(date -> document.add(new StringField(DATE, date, Field.Store.NO)));
        Optional<String> place = prepared.birthPlace().term();
        place.ifPresent(p -> document.add(new StringField(PLACE, p, Field.Store.NO)));
        for (String key : prepared.nameKeys()) {
            parentTerms(key, prepared, true).forEach(term -> document.add(new StringField(term.field(), term.text(), Field.Store.NO)));
            place.ifPresent(p -> document.add(new StringField(NAME_PLACE, key + '#' + p, Field.Store.NO)));
        }
        document.add(new BinaryDocValuesField(RECORD,
                new BytesRef(String.join(String.valueOf(COLUMN_SEPARATOR), RecordCsv.toRow(record)))));
        return document;
    }

    /**
     * Exact Latin spellings of name units. Keys of short names collide (Aicha and Chaoui both reduce to C); when
     * both sides spell a name the same way in Latin, that settles it, and the registry holds a Latin form too.
     */
    private static Set<String> spellings(PreparedRecord record) {
        Set<String> spellings = new LinkedHashSet<>();
        record.names().forEach(units -> units.stream().map(NameUnit::text)
                .filter(text -> !ArabicText.isArabic(text)).forEach(spellings::add));
        return spellings;
    }

    /** The keys one letter shorter, for keys long enough that a deletion still says something. */
    static Set<String> deletions(String key) {
        Set<String> deletions = new LinkedHashSet<>();
        if (key.length() >= MIN_KEY_FOR_DELETIONS) {
            for (int i = 0; i < key.length(); i++) {
                deletions.add(key.substring(0, i) + key.substring(i + 1));
            }
        }
        return deletions;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
