package org.passerelle.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What happened, as a module reports it to the audit log.
 *
 * @param actor the user name, or {@code anonymous} / {@code system}
 * @param action a dotted verb such as {@code login}, {@code user.read}, {@code access.denied}
 * @param recordType what kind of record was touched ({@code user}, {@code page}...), or null
 * @param recordId which record, or null
 * @param address the client's IP address, or null when not acting for a request
 * @param details a short free text, never personal data beyond the record reference
 */
public record AuditEvent(String actor, String action, String recordType, String recordId, String address,
        AuditOutcome outcome, String details) {

    /** The event of a row of {@code audit_log} or {@code audit_pending}, which share these columns. */
    static AuditEvent fromRow(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getString("actor"), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("address"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("details"));
    }
}
