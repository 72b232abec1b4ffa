package org.passerelle.server.intel.network;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.passerelle.csv.CsvReader;
import org.passerelle.csv.MalformedRowException;
import org.passerelle.graph.EntityKind;

/**
 * Reads the two import formats of the network pages (CSV, RFC 4180): links with their provenance, and call records. A
 * bad row is reported with its line and column and skipped; every good row is kept.
 */
final class LinkCsv {

    static final List<String> LINK_COLUMNS = List.of("source", "source_kind", "target", "target_kind", "kind", "weight",
            "date", "source_document", "grading", "handling");
    static final List<String> CALL_COLUMNS = List.of("caller", "callee", "start", "duration");
    private static final Set<String> HANDLING = Set.of("H0", "H1", "H2", "H3");

    /** What a file gave: the links read and the rows refused. */
    record Result(List<NetworkLink> links, List<ImportProblem> problems) {
    }

    /** The earliest date a link or a call may carry: anything before is a typo (1195 for 1995), not an observation. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private LinkCsv() {
    }

    /** {@code source,source_kind,target,target_kind,kind,weight,date,source_document,grading,handling}. */
    static Result links(Reader input, LocalDate today) throws IOException {
        List<NetworkLink> links = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        read(input, LINK_COLUMNS, problems, (line, cells) -> link(line, cells, today, problems).ifPresent(links::add));
        return new Result(links, problems);
    }

    /**
     * One link from its cells in {@link #LINK_COLUMNS} order, or empty with the reasons added to {@code problems}:
     * the rules of the import, for a file's rows and for the links of a network another party shares.
     */
    static Optional<NetworkLink> link(int line, String[] cells, LocalDate today, List<ImportProblem> problems) {
        String source = required(cells[0], line, "source", problems);
        String target = required(cells[2], line, "target", problems);
        String sourceKind = kind(cells[1], line, "source_kind", problems);
        String targetKind = kind(cells[3], line, "target_kind", problems);
        String kind = required(cells[4], line, "kind", problems);
        Double weight = weight(cells[5], line, "weight", problems);
        LocalDate date = date(cells[6], line, "date", today, problems);
        String document = required(cells[7], line, "source_document", problems);
        String grading = cells[8].strip().toUpperCase(Locale.ROOT);
        if (!grading.matches("[ABCX][1-4]")) {
            problems.add(new ImportProblem(line, "grading", "network.import.grading", cells[8]));
            grading = null;
        }
        String handling = cells[9].strip().toUpperCase(Locale.ROOT);
        if (!HANDLING.contains(handling)) {
            problems.add(new ImportProblem(line, "handling", "network.import.handling", cells[9]));
            handling = null;
        }
        if (source != null && target != null && sourceKind != null && targetKind != null && kind != null
                && weight != null && date != null && document != null && grading != null && handling != null) {
            return Optional.of(new NetworkLink(source, sourceKind, target, targetKind, kind.toUpperCase(Locale.ROOT),
                    weight, date, document, grading, handling));
        }
        return Optional.empty();
    }

    /** {@code caller,callee,start,duration}: each call is a CALL link between two phones, dated by its start. */
    static Result calls(Reader input, String sourceDocument, String grading, String handling, LocalDate today)
            throws IOException {
        List<NetworkLink> links = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        read(input, CALL_COLUMNS, problems, (line, cells) -> {
            String caller = required(cells[0], line, "caller", problems);
            String callee = required(cells[1], line, "callee", problems);
            LocalDate day = null;
            try {
                day = plausible(LocalDateTime.parse(cells[2].strip()).toLocalDate(), line, "start", cells[2], today,
                        problems);
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(line, "start", "network.import.dateTime", cells[2]));
            }
            Double duration = weight(cells[3], line, "duration", problems);
            if (caller != null && callee != null && day != null && duration != null) {
                links.add(new NetworkLink(caller, EntityKind.PHONE.name(), callee, EntityKind.PHONE.name(), "CALL", 1,
                        day, sourceDocument, grading, handling));
            }
        });
        return new Result(links, problems);
    }

    private interface RowHandler {
        void row(int line, String[] cells);
    }

    /**
     * Reads the file with the project's RFC 4180 reader (a quoted cell may hold commas, quotes and line breaks): a row
     * that is not well-formed CSV, or has the wrong number of cells, is reported with its line and skipped.
     */
    private static void read(Reader input, List<String> columns, List<ImportProblem> problems, RowHandler handler)
            throws IOException {
        CsvReader reader = new CsvReader(input);
        List<String> header;
        try {
            header = reader.next();
        } catch (MalformedRowException e) {
            header = null;
        }
        if (header == null || !header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(columns)) {
            problems.add(new ImportProblem(1, String.join(",", columns), "network.import.header",
                    header == null ? null : String.join(",", header)));
            return;
        }
        while (true) {
            List<String> cells;
            try {
                cells = reader.next();
            } catch (MalformedRowException e) {
                problems.add(new ImportProblem(e.line(), "*", "network.import.malformed", e.getMessage()));
                continue;
            }
            if (cells == null) {
                return;
            }
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != columns.size()) {
                problems.add(new ImportProblem(reader.rowLine(), "*", "network.import.columns", String.valueOf(cells.size())));
                continue;
            }
            handler.row(reader.rowLine(), cells.toArray(String[]::new));
        }
    }

    private static String required(String cell, int line, String column, List<ImportProblem> problems) {
        String value = cell.strip();
        if (value.isEmpty() || value.length() > 200) {
            problems.add(new ImportProblem(line, column, "network.import.required", cell));
            return null;
        }
        return value;
    }

    private static String kind(String cell, int line, String column, List<ImportProblem> problems) {
        try {
            return EntityKind.valueOf(cell.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(line, column, "network.import.entityKind", cell));
            return null;
        }
    }

    private static Double weight(String cell, int line, String column, List<ImportProblem> problems) {
        try {
            double value = Double.parseDouble(cell.strip());
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ImportProblem(line, column, "network.import.number", cell));
        return null;
    }

    private static LocalDate date(String cell, int line, String column, LocalDate today,
            List<ImportProblem> problems) {
        try {
            return plausible(LocalDate.parse(cell.strip()), line, column, cell, today, problems);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(line, column, "network.import.date", cell));
            return null;
        }
    }

    /** Whether an observation (a link, a call, a seizure) may carry this date: from {@link #EARLIEST} to today. */
    static boolean plausible(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today);
    }

    /** The date, or null with a problem when it is not {@linkplain #plausible plausible}: a typo, not a call. */
    private static LocalDate plausible(LocalDate date, int line, String column, String cell, LocalDate today,
            List<ImportProblem> problems) {
        if (!plausible(date, today)) {
            problems.add(new ImportProblem(line, column, "network.import.dateRange", cell));
            return null;
        }
        return date;
    }
}
