package org.passerelle.server.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.passerelle.server.audit.AuditEntry;
import org.passerelle.server.audit.AuditFilter;
import org.passerelle.server.audit.AuditLog;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.audit.ChainVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors (enforced by the security rules of /api/v1/audit). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
@SecurityRequirement(name = "token")
class AuditApi {

    private final AuditLog log;
    private final AuditTrail trail;

    AuditApi(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
    }

    record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason,
            long signedHeadsChecked) {
    }

    @Operation(summary = "Audit entries, newest first; action matches as a prefix")
    @GetMapping
    List<AuditEntry> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String record,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "200") int limit) {
        AuditFilter filter = new AuditFilter(actor, action, record, from, to, limit);
        trail.record("audit.read", "audit", null, AuditOutcome.SUCCESS, filter.toString());
        return log.search(filter);
    }

    @Operation(summary = "Walk the hash chain, check it against the heads this node signed, and name the first broken entry")
    @GetMapping("/verification")
    Verification verify() {
        ChainVerification result = log.verify();
        trail.success("audit.verify", "audit", null);
        return new Verification(result.intact(), result.entriesChecked(),
                result.firstBrokenSeq().isPresent() ? result.firstBrokenSeq().getAsLong() : null, result.reason(),
                result.signedHeadsChecked());
    }
}
