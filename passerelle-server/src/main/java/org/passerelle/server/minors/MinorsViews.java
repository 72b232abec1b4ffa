package org.passerelle.server.minors;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.passerelle.protocol.CaseThread;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.passerelle.server.exchange.Exchange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the minors' rows in step with their threads, in the transaction that stored the envelopes, sent or received
 * alike; a child reported with tracing consent goes into the book families' requests are matched against. Both parties
 * write to a case, so each update takes the case's row lock and then reads the thread again, as the joint group's
 * meetings do, and no update writes a state without the other's envelope.
 */
@Component
class MinorsViews {

    private final MinorsStore store;
    private final Exchange exchange;
    private final FamilyTracing tracing;
    private final AuditTrail audit;
    private final Clock clock;

    MinorsViews(MinorsStore store, Exchange exchange, FamilyTracing tracing, AuditTrail audit, Clock clock) {
        this.store = store;
        this.exchange = exchange;
        this.tracing = tracing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A party's retention ended the case, on either node: every payload of its thread but the notice is dropped, the
     * child leaves the tracing book, the row goes, and the purge is remembered (nothing personal) and audited. On the
     * receiving node this happens before the receipt is signed, so the receipt confirms the purge.
     */
    private void purge(String caseId, String noticeId) {
        CaseThread thread = exchange.thread(caseId);
        MinorsKinds.PurgePayload notice = thread.entries().stream().filter(e -> e.envelope().id().equals(noticeId))
                .map(e -> MinorsKinds.read(e.payload(), MinorsKinds.PurgePayload.class)).findFirst().orElseThrow();
        String reference = thread.entries().stream().filter(e -> MinorsKinds.CASE.equals(e.envelope().kind()))
                .filter(e -> e.payload() != null && e.payload().has("reference"))
                .map(e -> e.payload().path("reference").asString()).findFirst().orElse(Minors.reference(caseId));
        int purged = exchange.purgeCase(caseId, noticeId);
        tracing.forget(caseId);
        store.delete(caseId);
        store.recordPurge(caseId, reference, notice.rule(), notice.dueOn(), noticeId, clock.instant());
        audit.record("minors.purge", MinorsKinds.CASE_TYPE, caseId, AuditOutcome.SUCCESS,
                notice.rule() + " due " + notice.dueOn() + ", " + purged + " envelopes");
    }

    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        Set<String> cases = new LinkedHashSet<>();
        Set<String> recorded = new LinkedHashSet<>();
        Map<String, String> purgeNotices = new LinkedHashMap<>();
        batch.envelopes().stream().filter(stored -> MinorsKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> {
                    cases.add(stored.caseId());
                    if (MinorsKinds.CASE.equals(stored.kind())) {
                        recorded.add(stored.caseId());
                    } else if (MinorsKinds.PURGED.equals(stored.kind())) {
                        purgeNotices.put(stored.caseId(), stored.envelopeId());
                    }
                });
        for (String caseId : cases) {
            store.lock(caseId);
            if (purgeNotices.containsKey(caseId)) {
                purge(caseId, purgeNotices.get(caseId));
                continue;
            }
            CaseThread thread = exchange.thread(caseId);
            if (MinorState.holdsRecord(thread)) {
                MinorState state = MinorState.of(thread);
                store.save(state, clock.instant());
                if (recorded.contains(caseId)) {
                    tracing.reported(state);
                }
            }
        }
    }
}
