package org.passerelle.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;

class QualityReportTest {
    @Test
    void strataSplitTheFiguresByWhatTheQueryCarries() {
        QualityReport report = new QualityReport(Map.of("Q1", "MA1", "Q2", "", "Q3", "MA3"), List.of(
                new QualityReport.Row("Q1", 1, "MA1", 0.95, "match"),
                new QualityReport.Row("Q2", 1, "MA9", 0.90, "match"),
                new QualityReport.Row("Q3", 1, "MA4", 0.30, "no-match")));
        Map<String, PersonRecord> queries = Map.of(
                "Q1", query("Q1", "1990-03-12", "Ahmed", "Fatima"),
                "Q2", query("Q2", "1985-06-01", "Said", "Naima"),
                "Q3", query("Q3", "1990", "", ""));

        assertThat(report.strataTable(queries)).contains(
                "| exact date, both parents | 2 | 1 | 0.5000 | 1.0000 | 1.0000 |",
                "| no exact date, no parent | 1 | 1 | 1.0000 | 0.0000 | 0.0000 |");
    }

    @Test
    void absentPeopleDeclaredAMatchAreCountedAmongTheAbsentOnly() {
        QualityReport report = new QualityReport(Map.of("Q1", "MA1", "Q2", "", "Q3", "", "Q4", "", "Q5", ""), List.of(
                new QualityReport.Row("Q1", 1, "MA2", 0.95, "match"),
                new QualityReport.Row("Q2", 1, "MA9", 0.90, "match"),
                new QualityReport.Row("Q3", 1, "MA8", 0.60, "possible"),
                new QualityReport.Row("Q3", 2, "MA7", 0.85, "match")));
        assertThat(report.absentDeclaredMatch()).isEqualTo(0.25);
        assertThat(new QualityReport(Map.of("Q1", "MA1"), List.of()).absentDeclaredMatch()).isZero();
    }

    private static PersonRecord query(String id, String birthDate, String father, String mother) {
        return new PersonRecord(id, List.of("OUAFI, Mohamed"), Sex.M, BirthDate.parseAll(birthDate), "Oujda", father,
                mother);
    }
}
