package org.passerelle.server.minors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.passerelle.server.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Families' tracing requests, on Morocco's node only. */
@Repository
class TracingStore {

    /** Separates a child's names in one column: a line break, which no name holds. */
    private static final String NAMES_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    TracingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TracingRequest request) {
        jdbc.sql("""
                INSERT INTO minors_tracing_request (id, reference, child_names, sex, birth_date, birth_place,
                    father_name, mother_name, filed_by, filed_at)
                VALUES (:id, :reference, :names, :sex, :birth, :place, :father, :mother, :filedBy, :filedAt)""")
                .param("id", request.id()).param("reference", request.reference())
                .param("names", String.join(NAMES_SEPARATOR, request.names())).param("sex", request.sex())
                .param("birth", request.birthDate()).param("place", request.birthPlace())
                .param("father", request.fatherName()).param("mother", request.motherName())
                .param("filedBy", request.filedBy()).param("filedAt", utc(request.filedAt())).update();
    }

    Optional<TracingRequest> find(String id) {
        return jdbc.sql("SELECT * FROM minors_tracing_request WHERE id = :id").param("id", id)
                .query((rs, n) -> request(rs)).optional();
    }

    Page<TracingRequest> list(int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM minors_tracing_request").query(Long.class).single();
        return new Page<>(jdbc.sql("""
                SELECT * FROM minors_tracing_request ORDER BY filed_at DESC, id
                OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""").param("offset", Page.offset(page, size))
                .param("size", size).query((rs, n) -> request(rs)).list(), page, size, total);
    }

    /** Records the confirmed match; false when the request was matched already. */
    boolean confirm(String id, String caseId, String confirmedBy, Instant at) {
        return jdbc.sql("""
                UPDATE minors_tracing_request SET matched_case_id = :caseId, confirmed_by = :by, confirmed_at = :at
                WHERE id = :id AND matched_case_id IS NULL""").param("id", id).param("caseId", caseId)
                .param("by", confirmedBy).param("at", utc(at)).update() == 1;
    }

    private static TracingRequest request(ResultSet rs) throws SQLException {
        return new TracingRequest(rs.getString("id"), rs.getString("reference"),
                Arrays.asList(rs.getString("child_names").split(NAMES_SEPARATOR)), rs.getString("sex"),
                rs.getString("birth_date"), rs.getString("birth_place"), rs.getString("father_name"),
                rs.getString("mother_name"), rs.getString("filed_by"),
                rs.getObject("filed_at", OffsetDateTime.class).toInstant(), rs.getString("matched_case_id"),
                rs.getString("confirmed_by"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
