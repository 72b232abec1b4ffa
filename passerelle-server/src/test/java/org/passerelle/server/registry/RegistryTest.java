package org.passerelle.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.passerelle.server.cli.CliRunner;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The civil registry: imported from CSV with its refused rows named, searched through the engine's index. */
class RegistryTest extends NodeTest {

    private static final String HEADER = "person_id,names,sex,birth_date,birth_place,father_name,mother_name\n";

    @Autowired
    Registry registry;

    @Test
    void anImportKeepsGoodRowsNamesBadOnesAndTheIndexFindsThePeople() throws Exception {
        Path csv = Files.createTempFile("registry", ".csv");
        Files.writeString(csv, HEADER
                + "MA-T-1,\"EL OUAFI, Mohamed|محمد الوافي\",M,1990-03-12,Oujda,Ahmed|أحمد,Fatima|فاطمة\n"
                + "MA-T-2,\"BENNANI, Khadija|خديجة بناني\",F,1985,Fès,Driss,Aicha\n"
                + "MA-T-3,\"ALAMI, Youssef|يوسف العلمي\",X,1992-01-01,Rabat,,\n"
                + "MA-T-4,\"ALAMI, Youssef|يوسف العلمي\",M,1992-13-40,Rabat,,\n"
                + "MA-T-5,only,three\n"
                + "MA-T-6,\"TAZI, Karim|كريم التازي\",M,1979-07-30,Tanger,Omar,Zineb\n");
        ImportStatus status = registry.importFile(Viewer.node(), csv, (read, total, records, refused) -> { });

        assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
        assertThat(status.records()).isEqualTo(3);
        assertThat(status.refused()).isEqualTo(3);
        assertThat(status.problems()).extracting(p -> p.line() + ":" + p.column())
                .containsExactly("4:sex", "5:birth_date", "6:*");

        await("the index to take the import", () -> registry.candidates(IdentityBook.CIVIL_REGISTRY,
                query("EL OUAFI Mohammed", "1990"), 3).candidates().size() > 0);
        Registry.Candidates found = registry.candidates(IdentityBook.CIVIL_REGISTRY,
                query("Mohammed El Ouafi", "1990-03-12"), 3);
        assertThat(found.candidates().get(0).personId()).isEqualTo("MA-T-1");
        assertThat(found.candidates().get(0).explanation()).contains("names");
        assertThat(found.modelHash()).hasSize(64);
    }

    @Test
    void aHeaderOtherThanTheContractsRefusesTheFileWhole() throws Exception {
        Path csv = Files.createTempFile("registry", ".csv");
        Files.writeString(csv, "id,name\nA,B\n");
        ImportStatus status = registry.importFile(Viewer.node(), csv, (read, total, records, refused) -> { });
        assertThat(status.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(status.message()).contains("person_id");

        CliRunner.Result command = CliRunner.run(CliRunner.nodeConfiguration(DATA_DIR), "registry", "import", "--csv",
                csv.toString());
        assertThat(command.exitCode()).isEqualTo(1);
        assertThat(command.err()).contains("header must be person_id");
    }

    @Test
    void aModelEstimatedFromQueriesIsNamedByItsHash() throws Exception {
        Path csv = Files.createTempFile("registry", ".csv");
        StringBuilder rows = new StringBuilder(HEADER);
        String[] given = {"Karim", "Youssef", "Mohamed", "Rachid", "Said", "Hamid", "Omar", "Driss"};
        String[] family = {"ALAMI", "TAZI", "BENNANI", "FASSI", "IDRISSI", "OUAFI", "SQALLI", "BERRADA"};
        List<PersonRecord> queries = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String name = family[i % 8] + ", " + given[i / 8];
            rows.append("MA-M-").append(i).append(",\"").append(name).append("\",M,").append(1970 + i % 30)
                    .append("-0").append(1 + i % 9).append("-1").append(i % 9).append(",Rabat,,\n");
            queries.add(new PersonRecord("Q" + i, List.of(given[i / 8] + " " + family[i % 8]), Sex.M,
                    List.of(BirthDate.parse(Integer.toString(1970 + i % 30))), "Rabat", "", ""));
        }
        Files.writeString(csv, rows.toString());
        registry.importFile(Viewer.node(), csv, (read, total, records, refused) -> { });

        String hash = registry.estimateModel(IdentityBook.CIVIL_REGISTRY, queries, false);
        assertThat(hash).hasSize(64).isEqualTo(registry.modelHash(IdentityBook.CIVIL_REGISTRY));
        assertThat(DATA_DIR.resolve("index/civil-registry/models/" + hash + ".properties")).exists();
    }

    private static PersonRecord query(String name, String birthDate) {
        return new PersonRecord("query", List.of(name), Sex.M, List.of(BirthDate.parse(birthDate)), "", "", "");
    }
}
