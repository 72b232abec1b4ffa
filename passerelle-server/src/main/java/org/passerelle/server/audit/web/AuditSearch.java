package org.passerelle.server.audit.web;

/** The audit filter as typed in the form; dates are whole UTC days, {@code to} included. */
public record AuditSearch(String actor, String action, String recordId, String from, String to) {
}
