package org.passerelle.matching.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.PreparedRecord;
import org.passerelle.matching.Sex;
import org.passerelle.matching.score.RegistryFrequencies;

class RegistryIndexTest {
    private static PersonRecord person(String id, String names, String date, String father) {
        return new PersonRecord(id, List.of(names.split("\\|")), Sex.M, BirthDate.parseAll(date), "", father, "");
    }

    private static List<String> candidateIds(RegistryIndex index, PersonRecord query) throws IOException {
        return index.candidates(PreparedRecord.of(query), 10).stream().map(c -> c.record().id()).toList();
    }

    @Test
    void findsAcrossScriptsWithATypoAndAddsIncrementally(@TempDir Path dir) throws IOException {
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            index.put(person("MA1", "الوافي, محمد", "1990-03-12", "أحمد"));
            index.put(person("MA2", "بناني, كريم", "1985-06-01", "علي"));
            index.commit(Map.of());
            assertThat(candidateIds(index, person("Q", "Mohamed EL OUAFI", "1990-01-01", ""))).first().isEqualTo("MA1");
            assertThat(candidateIds(index, person("Q", "Karim BENANNI", "1985", ""))).first().isEqualTo("MA2");

            index.put(person("MA3", "الخطابي, يوسف", "1992-02-02", ""));
            index.put(person("MA1", "الوافي, محمد", "1991-03-12", "أحمد"));
            index.commit(Map.of("note", "second batch"));
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.facts()).containsEntry("note", "second batch");
            assertThat(candidateIds(index, person("Q", "Youssef Elkhattabi", "", ""))).first().isEqualTo("MA3");
            assertThat(index.candidates(PreparedRecord.of(person("Q", "Mohamed Ouafi", "", "")), 1).getFirst()
                    .record().birthDates()).containsExactly(BirthDate.parse("1991-03-12"));
        }
    }

    @Test
    void amongNamesakesBornInTheWrongYearTheOneBornInTheQueriedTownComesFirst(@TempDir Path dir) throws IOException {
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            for (int i = 0; i < 40; i++) {
                index.put(new PersonRecord("MA" + i, List.of("البقالي, محمد"), Sex.M, BirthDate.parseAll("1989-0" + (1 + i % 9) + "-10"),
                        i % 2 == 0 ? "فاس" : "طنجة", "", ""));
            }
            index.put(new PersonRecord("SETTAT", List.of("البقالي, محمد"), Sex.M, BirthDate.parseAll("1989-04-20"), "سطات", "", ""));
            index.commit(Map.of());
            PreparedRecord query = PreparedRecord.of(new PersonRecord("Q", List.of("Mohamed BAKKALI"), Sex.M,
                    BirthDate.parseAll("1990-01-01"), "Settat", "", ""));

            assertThat(index.candidates(query, 1).getFirst().record().id()).isEqualTo("SETTAT");
            assertThat(index.estimationCandidates(query, 20).stream().map(c -> c.record().id()))
                    .as("estimation does not block on the place").doesNotContain("SETTAT");
        }
    }

    @Test
    void amongNamesakesBornTheSameYearTheMothersNameBringsTheRightOne(@TempDir Path dir) throws IOException {
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            List<String> mothers = List.of("فاطمة", "خديجة", "مريم", "عائشة");
            for (int i = 0; i < 40; i++) {
                index.put(new PersonRecord("MA" + i, List.of("بن توفيق, فاطمة"), Sex.F,
                        BirthDate.parseAll("1990-0" + (1 + i % 9) + "-10"), "", "", mothers.get(i % 4)));
            }
            index.put(new PersonRecord("SANAA", List.of("بن توفيق, فاطمة"), Sex.F, BirthDate.parseAll("1990-05-20"),
                    "", "", "سناء"));
            index.commit(Map.of());
            PreparedRecord query = PreparedRecord.of(new PersonRecord("Q", List.of("BENTEWFIK, Fatima"), Sex.F,
                    BirthDate.parseAll("1990-01-01"), "", "", "Sanaa"));

            assertThat(index.candidates(query, 1).getFirst().record().id()).isEqualTo("SANAA");
            assertThat(index.estimationCandidates(query, 20).stream().map(c -> c.record().id()))
                    .as("estimation does not block on a parent's name").doesNotContain("SANAA");
        }
    }

    @Test
    void aPlaceWhereFewWereBornSaysMoreWhateverItsSpelling(@TempDir Path dir) throws IOException {
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            for (int i = 0; i < 16; i++) {
                index.put(new PersonRecord("MA" + i, List.of("بناني, كريم"), Sex.M, List.of(),
                        i < 7 ? "الدار البيضاء" : i < 8 ? "CASABLANCA" : i < 15 ? "الرباط" : "إفران", "", ""));
            }
            index.commit(Map.of());
            RegistryFrequencies frequencies = index.frequencies();

            assertThat(frequencies.placeBits("Casablanca")).as("8 of 16, in both scripts").isEqualTo(1.0);
            assertThat(frequencies.placeBits("Ifrane")).as("1 of 16").isEqualTo(4.0);
        }
    }

    @Test
    void theNeighbouringYearsOfAConventionalDateWeighMoreInBlocking() {
        assertThat(RegistryIndex.nearYearBoosts(BirthDate.parseAll("1990-03-12"))).containsExactly(entry(1990, 0.3f));
        assertThat(RegistryIndex.nearYearBoosts(BirthDate.parseAll("1990-01-01|1985"))).containsExactly(
                entry(1990, 0.6f), entry(1985, 0.6f));
        assertThat(RegistryIndex.nearYearBoosts(BirthDate.parseAll("1990|1990-03-12"))).as("a full date of that year")
                .containsExactly(entry(1990, 0.3f));
    }

    @Test
    void rebuildsFromCsvReportingBadRowsAndProgress(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("REGISTRY.csv");
        Files.writeString(csv, """
                person_id,names,sex,birth_date,birth_place,father_name,mother_name
                MA1,"الوافي, محمد|EL OUAFI, Mohamed",M,1990-03-12,وجدة,أحمد,فاطمة
                MA2,"بناني, كريم",Q,1985,,,
                MA3,"الخطابي, يوسف",M,1992-02-02,,,
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RegistryIndex index = RegistryIndex.open(dir.resolve("index"))) {
            index.put(person("OLD", "Karim", "1980", ""));
            index.commit(Map.of());
            RegistryImport.Result result = RegistryImport.rebuild(index, csv, 2,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(result.records()).isEqualTo(2);
            assertThat(result.malformed()).isEqualTo(1);
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.facts()).containsEntry(RegistryImport.SOURCE, RegistryImport.fingerprint(csv));
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("REGISTRY.csv:3:").contains("100.0%");
    }

    @Test
    void anIndexWrittenWithoutTheIdOrderIsEmptiedForItsOwnerToRebuild(@TempDir Path dir) throws IOException {
        try (IndexWriter unsorted = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            Document document = new Document();
            document.add(new StringField(RegistryIndex.ID, "MA1", Field.Store.NO));
            unsorted.addDocument(document);
            unsorted.setLiveCommitData(Map.of(RegistryImport.SOURCE, "an older layout").entrySet());
            unsorted.commit();
        }
        try (RegistryIndex index = RegistryIndex.open(dir)) {
            assertThat(index.size()).isZero();
            assertThat(index.facts()).isEmpty();
            index.put(person("MA2", "بناني, كريم", "1985-06-01", "علي"));
            index.commit(Map.of());
            assertThat(candidateIds(index, person("Q", "Karim BENANNI", "1985", ""))).containsExactly("MA2");
        }
    }

    @Test
    void theRandomDrawDependsOnTheRecordsAndTheSeedNotOnTheirOrder(@TempDir Path dir) throws IOException {
        List<PersonRecord> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(person("MA" + i, "بناني, كريم", "1985-06-01", ""));
        }
        List<List<String>> draws = new ArrayList<>();
        for (List<PersonRecord> order : List.of(people, people.reversed())) {
            try (RegistryIndex index = RegistryIndex.open(dir.resolve("order" + draws.size()))) {
                for (int half = 0; half < 2; half++) {  // two segments
                    for (PersonRecord person : order.subList(half * 100, half * 100 + 100)) {
                        index.put(person);
                    }
                    index.commit(Map.of());
                }
                draws.add(index.randomRecords(20, 7).stream().map(r -> r.record().id()).toList());
                assertThat(index.randomRecords(20, 8).stream().map(r -> r.record().id()).toList())
                        .isNotEqualTo(draws.getLast());
                assertThat(index.randomRecords(500, 7)).hasSize(200);
            }
        }
        assertThat(draws.get(0)).hasSize(20).doesNotHaveDuplicates().isEqualTo(draws.get(1));
    }

    @Test
    void deletionsCoverOneTypo() {
        assertThat(RegistryIndex.deletions("MHMD")).containsExactlyInAnyOrder("HMD", "MMD", "MHD", "MHM");
        assertThat(RegistryIndex.deletions("MHD")).isEmpty();
    }
}
