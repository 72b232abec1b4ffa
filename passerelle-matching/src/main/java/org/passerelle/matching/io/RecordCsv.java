package org.passerelle.matching.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.passerelle.csv.CsvReader;
import org.passerelle.csv.MalformedRowException;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;

/**
 * The REGISTRY.csv and QUERIES.csv contract: a header row, then
 * {@code id,names,sex,birth_date,birth_place,father_name,mother_name}; names and dates separated by {@code |}.
 * A malformed row is reported with its line number and skipped, so one bad line does not stop an import.
 */
public final class RecordCsv {
    /** Which of the two files: they differ only in the name of the id column. */
    public enum Kind {
        REGISTRY("person_id"), QUERIES("query_id");

        private final String idColumn;

        Kind(String idColumn) {
            this.idColumn = idColumn;
        }

        public List<String> header() {
            return List.of(idColumn, "names", "sex", "birth_date", "birth_place", "father_name", "mother_name");
        }
    }

    /** How a file went: rows turned into records, and rows skipped as malformed. */
    public record Counts(long records, long malformed) {
    }

    /** A row refused: its line, the column at fault ({@code *} for the row as a whole) and why. */
    public record Problem(long line, String column, String message) {
    }

    /** A cell that cannot be read as its column says. */
    public static final class CellException extends IllegalArgumentException {
        private final String column;

        CellException(String column, String message, Throwable cause) {
            super(message, cause);
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private RecordCsv() {
    }

    /**
     * Reads every row into {@code sink}; malformed rows go to {@code errors} as "FILE:LINE: reason" and are skipped.
     *
     * @throws IllegalArgumentException when the header is not the contract's, since then no row can be trusted
     */
    public static Counts read(InputStream input, String fileName, Kind kind, Consumer<PersonRecord> sink,
                              PrintStream errors) throws IOException {
        return read(input, fileName, kind, sink, problem -> errors.println(fileName + ":" + problem.line() + ": "
                + ("*".equals(problem.column()) ? "" : problem.column() + ": ") + problem.message()));
    }

    /**
     * Reads every row into {@code sink}; a malformed row is given to {@code problems} with its line and the column at
     * fault, and skipped.
     *
     * @throws IllegalArgumentException when the header is not the contract's, since then no row can be trusted
     */
    public static Counts read(InputStream input, String fileName, Kind kind, Consumer<PersonRecord> sink,
                              Consumer<Problem> problems) throws IOException {
        long records = 0;
        long malformed = 0;
        try (CsvReader reader = new CsvReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            List<String> header = reader.next();
            if (header != null && !header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
                header.set(0, header.getFirst().substring(1));
            }
            if (header == null || !header.stream().map(String::strip).toList().equals(kind.header())) {
                throw new IllegalArgumentException(fileName + ": header must be " + String.join(",", kind.header()));
            }
            while (true) {
                List<String> row;
                try {
                    row = reader.next();
                    if (row == null) {
                        break;
                    }
                    if (row.size() == 1 && row.getFirst().isBlank()) {
                        continue;  // a blank line, often the last one
                    }
                    sink.accept(toRecord(row));
                    records++;
                } catch (MalformedRowException e) {
                    problems.accept(new Problem(e.line(), "*", e.getMessage().replaceFirst("^line \\d+: ", "")));
                    malformed++;
                } catch (CellException e) {
                    problems.accept(new Problem(reader.rowLine(), e.column(), e.getMessage()));
                    malformed++;
                } catch (IllegalArgumentException e) {
                    problems.accept(new Problem(reader.rowLine(), "*", e.getMessage()));
                    malformed++;
                }
            }
        }
        return new Counts(records, malformed);
    }

    /** A record from the seven columns of a row; a cell that cannot be read throws {@link CellException}. */
    public static PersonRecord toRecord(List<String> row) {
        if (row.size() != 7) {
            throw new IllegalArgumentException("expected 7 columns, found " + row.size());
        }
        String id = row.get(0).strip();
        if (id.isEmpty()) {
            throw new CellException("id", "empty id", null);
        }
        List<String> names = Arrays.stream(row.get(1).split("\\|")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        Sex sex;
        try {
            sex = Sex.parse(row.get(2));
        } catch (IllegalArgumentException e) {
            throw new CellException("sex", e.getMessage(), e);
        }
        List<BirthDate> dates;
        try {
            dates = BirthDate.parseAll(row.get(3));
        } catch (IllegalArgumentException e) {
            throw new CellException("birth_date", e.getMessage(), e);
        }
        return new PersonRecord(id, names, sex, dates, row.get(4).strip(), row.get(5).strip(), row.get(6).strip());
    }

    /** The seven columns of a record, as {@link #toRecord} reads them. */
    public static List<String> toRow(PersonRecord record) {
        return List.of(record.id(), String.join("|", record.names()), record.sex().csv(),
                String.join("|", record.birthDates().stream().map(BirthDate::toString).toList()),
                record.birthPlace(), record.fatherName(), record.motherName());
    }
}
