package org.passerelle.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.passerelle.matching.BirthDate;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.Sex;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables: persons by book, imports and the rows they refused, the models estimated. */
@Repository
class RegistryStore {

    /** Rows an import keeps the reasons of; beyond, it only counts them. */
    static final int PROBLEMS_KEPT = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    RegistryStore(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Writes persons, each replacing any earlier row with its id (a correction), with a new seq. Holds the book's lock
     * until the transaction ends, so that seqs follow the order of commits.
     */
    void put(IdentityBook book, List<PersonRecord> persons, Long importId) {
        jdbc.sql("SELECT book FROM registry_book WHERE book = :book FOR UPDATE").param("book", book.key())
                .query(String.class).single();
        batches.batchUpdate("DELETE FROM registry_person WHERE book = :book AND person_id = :id",
                persons.stream().map(p -> new MapSqlParameterSource().addValue("book", book.key())
                        .addValue("id", p.id())).toArray(SqlParameterSource[]::new));
        batches.batchUpdate("""
                INSERT INTO registry_person (book, person_id, names, sex, birth_dates, birth_place, father_name,
                                             mother_name, import_id)
                VALUES (:book, :id, :names, :sex, :dates, :place, :father, :mother, :import)
                """, persons.stream().map(p -> new MapSqlParameterSource().addValue("book", book.key())
                .addValue("id", p.id()).addValue("names", String.join("|", p.names())).addValue("sex", p.sex().csv())
                .addValue("dates", String.join("|", p.birthDates().stream().map(BirthDate::toString).toList()))
                .addValue("place", p.birthPlace()).addValue("father", p.fatherName())
                .addValue("mother", p.motherName()).addValue("import", importId)).toArray(SqlParameterSource[]::new));
    }

    Optional<PersonRecord> person(IdentityBook book, String personId) {
        return jdbc.sql("SELECT * FROM registry_person WHERE book = :book AND person_id = :id")
                .param("book", book.key()).param("id", personId).query(RegistryStore::person).optional();
    }

    /** The newest {@code limit} persons written to the book, oldest first. */
    List<PersonRecord> newest(IdentityBook book, int limit) {
        List<PersonRecord> persons = new java.util.ArrayList<>(jdbc.sql(
                        "SELECT * FROM registry_person WHERE book = :book ORDER BY seq DESC FETCH FIRST " + limit
                                + " ROWS ONLY")
                .param("book", book.key()).query(RegistryStore::person).list());
        java.util.Collections.reverse(persons);
        return persons;
    }

    long count(IdentityBook book) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_person WHERE book = :book").param("book", book.key())
                .query(Long.class).single();
    }

    /** The newest seq written to the book, 0 when it is empty. */
    long lastSeq(IdentityBook book) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM registry_person WHERE book = :book").param("book", book.key())
                .query(Long.class).single();
    }

    /** Every person written to the book after {@code seq}, in seq order, each with its seq, streamed. */
    void forEachAfter(IdentityBook book, long seq, Consumer<Sequenced> sink) {
        jdbc.sql("SELECT * FROM registry_person WHERE book = :book AND seq > :seq ORDER BY seq")
                .param("book", book.key()).param("seq", seq)
                .query(rs -> {
                    sink.accept(new Sequenced(rs.getLong("seq"), person(rs, 0)));
                });
    }

    /** A person and the seq of its row. */
    record Sequenced(long seq, PersonRecord person) {
    }

    // Imports.

    long startImport(String fileName, String by, long bytesTotal, Instant now) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_import (file_name, started_by, started_at, updated_at, state, bytes_total)
                VALUES (:file, :by, :now, :now, 'RUNNING', :total)
                """).param("file", fileName).param("by", by).param("now", utc(now)).param("total", bytesTotal)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void progress(long importId, long bytesRead, long records, long refused, Instant now) {
        jdbc.sql("""
                UPDATE registry_import SET bytes_read = :read, records = :records, refused = :refused, updated_at = :now
                WHERE id = :id
                """).param("read", bytesRead).param("records", records).param("refused", refused)
                .param("now", utc(now)).param("id", importId).update();
    }

    void finishImport(long importId, ImportStatus.State state, String message, Instant now) {
        jdbc.sql("UPDATE registry_import SET state = :state, message = :message, finished_at = :now WHERE id = :id")
                .param("state", state.name()).param("message", message).param("now", utc(now)).param("id", importId)
                .update();
    }


    void problems(long importId, List<ImportStatus.Problem> problems) {
        batches.batchUpdate("""
                INSERT INTO registry_import_problem (import_id, line, column_name, message)
                VALUES (:import, :line, :column, :message)
                """, problems.stream().map(p -> new MapSqlParameterSource().addValue("import", importId)
                .addValue("line", p.line()).addValue("column", p.column())
                .addValue("message", p.message().length() > 400 ? p.message().substring(0, 400) : p.message()))
                .toArray(SqlParameterSource[]::new));
    }

    Optional<ImportStatus> importStatus(long importId, Instant now) {
        return jdbc.sql("SELECT * FROM registry_import WHERE id = :id").param("id", importId)
                .query((rs, n) -> importStatus(rs, now)).optional();
    }

    List<ImportStatus> recentImports(int limit, Instant now) {
        return jdbc.sql("SELECT * FROM registry_import ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> importStatus(rs, now)).list();
    }

    /** How long a running import may stay silent before it counts as stopped with its node. */
    private static final java.time.Duration SILENT = java.time.Duration.ofMinutes(2);

    private ImportStatus importStatus(ResultSet rs, Instant now) throws SQLException {
        long id = rs.getLong("id");
        List<ImportStatus.Problem> problems = jdbc.sql("""
                SELECT line, column_name, message FROM registry_import_problem WHERE import_id = :id
                ORDER BY line, column_name FETCH FIRST 200 ROWS ONLY
                """).param("id", id).query((p, n) -> new ImportStatus.Problem(p.getLong("line"),
                        p.getString("column_name"), p.getString("message"))).list();
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        ImportStatus.State state = ImportStatus.State.valueOf(rs.getString("state"));
        String message = rs.getString("message");
        if (state == ImportStatus.State.RUNNING
                && rs.getObject("updated_at", OffsetDateTime.class).toInstant().plus(SILENT).isBefore(now)) {
            state = ImportStatus.State.INTERRUPTED;
            message = "the node stopped during the import; the rows read until then are kept";
        }
        return new ImportStatus(id, rs.getString("file_name"), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), state, rs.getLong("bytes_total"),
                rs.getLong("bytes_read"), rs.getLong("records"), rs.getLong("refused"), message, problems);
    }

    // Models.

    void saveModel(String hash, IdentityBook book, Instant now, int sampleSize, String parameters) {
        jdbc.sql("""
                INSERT INTO registry_model (hash, book, created_at, sample_size, parameters)
                VALUES (:hash, :book, :now, :sample, :parameters)
                """).param("hash", hash).param("book", book.key()).param("now", utc(now)).param("sample", sampleSize)
                .param("parameters", parameters).update();
    }

    boolean modelExists(String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_model WHERE hash = :hash").param("hash", hash)
                .query(Long.class).single() > 0;
    }

    /** The book's newest model: its hash and its parameters, written as properties. */
    Optional<String[]> newestModel(IdentityBook book) {
        return jdbc.sql("""
                SELECT hash, parameters FROM registry_model WHERE book = :book ORDER BY created_at DESC, hash
                FETCH FIRST 1 ROWS ONLY
                """).param("book", book.key())
                .query((rs, n) -> new String[] {rs.getString("hash").strip(), rs.getString("parameters")}).optional();
    }

    Optional<String> modelParameters(String hash) {
        return jdbc.sql("SELECT parameters FROM registry_model WHERE hash = :hash").param("hash", hash)
                .query(String.class).optional();
    }

    private static PersonRecord person(ResultSet rs, int row) throws SQLException {
        return new PersonRecord(rs.getString("person_id"), split(rs.getString("names")), Sex.parse(rs.getString("sex")),
                BirthDate.parseAll(rs.getString("birth_dates")), rs.getString("birth_place"),
                rs.getString("father_name"), rs.getString("mother_name"));
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split("\\|")).filter(name -> !name.isBlank()).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
