package org.passerelle.server.audit;

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
}
