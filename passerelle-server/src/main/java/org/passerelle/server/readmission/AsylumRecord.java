package org.passerelle.server.readmission;

import java.time.Instant;
import java.time.LocalDate;

/** The asylum status France recorded for a case, when and by whom. */
public record AsylumRecord(Asylum status, LocalDate decidedOn, Instant recordedAt, String recordedBy) {
}
