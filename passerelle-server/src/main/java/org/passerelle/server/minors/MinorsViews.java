package org.passerelle.server.minors;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.passerelle.protocol.CaseThread;
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
    private final Clock clock;

    MinorsViews(MinorsStore store, Exchange exchange, FamilyTracing tracing, Clock clock) {
        this.store = store;
        this.exchange = exchange;
        this.tracing = tracing;
        this.clock = clock;
    }

    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        Set<String> cases = new LinkedHashSet<>();
        Set<String> recorded = new LinkedHashSet<>();
        batch.envelopes().stream().filter(stored -> MinorsKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> {
                    cases.add(stored.caseId());
                    if (MinorsKinds.CASE.equals(stored.kind())) {
                        recorded.add(stored.caseId());
                    }
                });
        for (String caseId : cases) {
            store.lock(caseId);
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
