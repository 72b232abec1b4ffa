package org.passerelle.matching.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.passerelle.csv.CsvWriter;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.passerelle.matching.io.RecordCsv;

/**
 * An evaluation set of real names from the whole Arabic-script world, which the engine is not tuned on: the name
 * words of Wikidata's person labels with the Latin spellings the same people are given in Latin-script labels
 * ({@code ../shared/data/names/wikidata_arabic_latin_tokens.tsv}, CC0, Merhav and Ash, COLING 2018). A word counts
 * when it was seen three times or more and its Arabic form holds a letter that European names written in Arabic do
 * not use (ع ح ص ض ط ظ, or a letter of Persian, Urdu or Pashto), or خ غ ق where a Latin spelling writes them kh,
 * gh, q (Arabic writes the g of Margaret غ and the ch of Bach خ): most labels are of European people, and the set is
 * about the names of the Arabic-script world (Mohammed, Ali, Hassan, Khan, Omar, Abdullah …), which the filter keeps
 * without asking our rules anything. Its spellings seen twice or more are drawn by how often they
 * were seen.
 * <p>
 * The words are split in two by a hash of their Arabic form: the {@code dev} half may be looked at while improving the
 * engine, the {@code held-back} half is only reported. Within a half:
 * <ul>
 * <li>the registry is Arabic only: people of two to five name words (given name, fathers' names, family name) drawn
 * by frequency, so common names are common; a quarter are relatives of another person (the same given and family
 * names, other fathers' names, a date a few years off), the confusable namesakes a real registry holds;</li>
 * <li>queries are Latin only: the whole name (half of them), the given and family names alone, the family name first,
 * a tenth with an honorific in front (Haji, Sayed, Sheikh …); a date exact, 1 January of the year or the year alone;
 * a fifth are about people absent from the registry, half of whom are relatives of someone in it;</li>
 * <li>{@code QUERIES-NAMES-ONLY.csv} is the same queries without their dates.</li>
 * </ul>
 * Every query shares at least two name words with its person (none is an alias sharing nothing), so every present
 * query is derivable. {@code RealNamesSet TOKENS.tsv OUT_DIR dev|held-back REGISTRY_SIZE QUERIES SEED}.
 */
public final class RealNamesSet {
    private static final int MIN_WORD_COUNT = 3;
    private static final int MIN_SPELLING_COUNT = 2;
    private static final String ARABIC_SCRIPT_WORLD_LETTERS = "عحصضطظپچژگکیټړښډځڅڼګھہے";
    private static final double RELATIVES = 0.25;
    private static final double ABSENT = 0.2;
    private static final List<String> HONORIFICS = List.of("Haji", "Hajji", "Sayed", "Sayyid", "Sheikh", "Mullah",
            "Mulla", "Maulavi", "Mawlawi", "Qari", "Mufti", "Agha", "Dr.", "Al-Hajj");

    private RealNamesSet() {
    }

    /** An Arabic name word, how often it was seen, and its Latin spellings with how often each was seen. */
    private record Word(String arabic, int count, List<String> latin, int[] latinCounts) {
        String spell(Random random) {
            int total = 0;
            for (int c : latinCounts) {
                total += c;
            }
            int draw = random.nextInt(total);
            for (int i = 0; i < latinCounts.length; i++) {
                draw -= latinCounts[i];
                if (draw < 0) {
                    return latin.get(i);
                }
            }
            return latin.getLast();
        }
    }

    /** A person of the set: name words in order (given first, family last) and a date of birth. */
    private record Person(String id, List<Word> words, BirthDate born) {
        PersonRecord registryRecord() {
            return new PersonRecord(id, List.of(String.join(" ", words.stream().map(Word::arabic).toList())),
                    Sex.UNKNOWN, List.of(born), "", "", "");
        }
    }

    public static void main(String[] args) throws IOException {
        List<Word> words = load(Path.of(args[0]), args[2]);
        Path out = Path.of(args[1]);
        int size = Integer.parseInt(args[3]);
        int queries = Integer.parseInt(args[4]);
        Random random = new Random(Long.parseLong(args[5]));
        WordDraw draw = new WordDraw(words);
        List<Person> registry = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "P%07d".formatted(i + 1);
            registry.add(i > 0 && random.nextDouble() < RELATIVES
                    ? relative(id, registry.get(random.nextInt(i)), draw, random)
                    : stranger(id, draw, random));
        }
        Files.createDirectories(out);
        Ceiling ceiling = new Ceiling();
        try (CsvWriter registryCsv = writer(out.resolve("REGISTRY.csv"), RecordCsv.Kind.REGISTRY.header());
             CsvWriter queriesCsv = writer(out.resolve("QUERIES.csv"), RecordCsv.Kind.QUERIES.header());
             CsvWriter namesOnlyCsv = writer(out.resolve("QUERIES-NAMES-ONLY.csv"), RecordCsv.Kind.QUERIES.header());
             CsvWriter truth = writer(out.resolve("TRUTH.csv"), List.of("query_id", "person_id"))) {
            for (Person person : registry) {
                registryCsv.row(RecordCsv.toRow(person.registryRecord()).toArray(String[]::new));
            }
            for (int q = 0; q < queries; q++) {
                boolean absent = random.nextDouble() < ABSENT;
                String id = "Q%06d".formatted(q + 1);
                Person person = absent
                        ? (random.nextBoolean() ? relative("absent", registry.get(random.nextInt(size)), draw, random)
                                : stranger("absent", draw, random))
                        : registry.get(random.nextInt(size));
                List<Word> used = new ArrayList<>();
                String name = queryName(person, random, used);
                BirthDate date = queryDate(person.born(), random);
                queriesCsv.row(RecordCsv.toRow(new PersonRecord(id, List.of(name), Sex.UNKNOWN, List.of(date), "", "",
                        "")).toArray(String[]::new));
                namesOnlyCsv.row(RecordCsv.toRow(new PersonRecord(id, List.of(name), Sex.UNKNOWN, List.of(), "", "",
                        "")).toArray(String[]::new));
                truth.row(id, absent ? "" : person.id());
                if (!absent) {
                    ceiling.add(registry, person, used);
                }
            }
        }
        Files.writeString(out.resolve("CEILING.txt"), ceiling.describe(), StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "%s half: %,d name words; %,d registry people, %,d queries in %s%n", args[2],
                words.size(), size, queries, out);
    }

    private static Person stranger(String id, WordDraw draw, Random random) {
        int parts = 2 + random.nextInt(4);
        List<Word> name = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            name.add(draw.next(random));
        }
        return new Person(id, name, new BirthDate(1950 + random.nextInt(58), 1 + random.nextInt(12),
                1 + random.nextInt(28)));
    }

    /** Someone with the same given and family names as {@code of}, other fathers' names and a date a few years off. */
    private static Person relative(String id, Person of, WordDraw draw, Random random) {
        List<Word> name = new ArrayList<>(of.words());
        if (name.size() == 2) {
            name.add(1, draw.next(random));
        } else {
            for (int i = 1; i < name.size() - 1; i++) {
                name.set(i, draw.next(random));
            }
        }
        int year = Math.clamp(of.born().year() + random.nextInt(11) - 5, 1950, 2010);
        return new Person(id, name, new BirthDate(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    /** The person's name as a Latin-script record writes it: whole, given and family alone, or family first. */
    private static String queryName(Person person, Random random, List<Word> used) {
        List<String> latin = new ArrayList<>(person.words().stream().map(word -> word.spell(random)).toList());
        used.addAll(person.words());
        double form = random.nextDouble();
        if (form < 0.25 && latin.size() > 2) {
            latin = new ArrayList<>(List.of(latin.getFirst(), latin.getLast()));
            used.retainAll(List.of(person.words().getFirst(), person.words().getLast()));
        } else if (form >= 0.25 && form < 0.4) {
            latin.addFirst(latin.removeLast());
        }
        if (random.nextDouble() < 0.1) {
            latin.addFirst(HONORIFICS.get(random.nextInt(HONORIFICS.size())));
        }
        return String.join(" ", latin);
    }

    private static BirthDate queryDate(BirthDate born, Random random) {
        double form = random.nextDouble();
        if (form < 0.6) {
            return born;
        }
        return form < 0.85 ? new BirthDate(born.year(), 1, 1) : new BirthDate(born.year(), 0, 0);
    }

    /**
     * What any engine could do at best on the present queries: a query's names point at every registry person holding
     * all its name words, and at best the right one ranks first among those k (1/k of a hit on average); with the
     * date, among those born the same year.
     */
    private static final class Ceiling {
        private double namesOnly;
        private double withYear;
        private int unique;
        private int queries;

        void add(List<Person> registry, Person person, List<Word> used) {
            List<String> words = used.stream().map(Word::arabic).toList();
            List<Person> holding = registry.stream()
                    .filter(p -> p.words().stream().map(Word::arabic).toList().containsAll(words)).toList();
            long sameNames = holding.size();
            long sameYear = holding.stream().filter(p -> p.born().year() == person.born().year()).count();
            namesOnly += 1.0 / sameNames;
            withYear += 1.0 / sameYear;
            unique += sameNames == 1 ? 1 : 0;
            queries++;
        }

        String describe() {
            return String.format(Locale.ROOT, "present queries: %d%nnames alone single out the person: %d (%.4f)%n"
                    + "best expected recall@1, names only: %.4f%nbest expected recall@1, names and year: %.4f%n",
                    queries, unique, unique / (double) queries, namesOnly / queries, withYear / queries);
        }
    }

    /** Words drawn by how often they were seen: common names stay common, as in any registry. */
    private static final class WordDraw {
        private final List<Word> words;
        private final long[] cumulative;

        WordDraw(List<Word> words) {
            this.words = words;
            this.cumulative = new long[words.size()];
            long total = 0;
            for (int i = 0; i < words.size(); i++) {
                total += words.get(i).count();
                cumulative[i] = total;
            }
        }

        Word next(Random random) {
            long draw = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int index = Arrays.binarySearch(cumulative, draw + 1);
            return words.get(index >= 0 ? index : -index - 1);
        }
    }

    /** The words of one half: {@code dev} or {@code held-back}, by a hash of their Arabic form. */
    private static List<Word> load(Path tsv, String half) throws IOException {
        if (!half.equals("dev") && !half.equals("held-back")) {
            throw new IllegalArgumentException("half must be dev or held-back, not " + half);
        }
        Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                spellings.computeIfAbsent(fields[1].replace(" ", ""), k -> new LinkedHashMap<>())
                        .merge(fields[0], Integer.parseInt(fields[2]), Integer::sum);
            }
        }
        List<Word> words = new ArrayList<>();
        spellings.forEach((arabic, latin) -> {
            int count = latin.values().stream().mapToInt(Integer::intValue).sum();
            List<String> kept = latin.entrySet().stream().filter(e -> e.getValue() >= MIN_SPELLING_COUNT)
                    .map(Map.Entry::getKey).toList();
            boolean inHalf = (Math.floorMod(arabic.hashCode(), 2) == 0) == half.equals("dev");
            boolean ofTheArabicScriptWorld = arabic.chars().anyMatch(c -> ARABIC_SCRIPT_WORLD_LETTERS.indexOf(c) >= 0)
                    || arabic.indexOf('خ') >= 0 && kept.stream().anyMatch(l -> l.contains("kh"))
                    || arabic.indexOf('غ') >= 0 && kept.stream().anyMatch(l -> l.contains("gh"))
                    || arabic.indexOf('ق') >= 0 && kept.stream().anyMatch(l -> l.contains("q"));
            if (inHalf && ofTheArabicScriptWorld && count >= MIN_WORD_COUNT && !kept.isEmpty()) {
                words.add(new Word(arabic, count, kept, kept.stream().mapToInt(latin::get).toArray()));
            }
        });
        return words;
    }

    private static CsvWriter writer(Path file, List<String> header) throws IOException {
        CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        csv.row(header.toArray(String[]::new));
        return csv;
    }
}
