package org.passerelle.server.intel;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.passerelle.protocol.CaseThread;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the requests' view table in step with their threads, in the transaction that stored the envelopes, whether
 * this node sent them or received them: each request's row is the pure state of its thread.
 */
@Component
class InformationRequestViews {

    private final InformationRequestStore store;
    private final AgreementProfile profile;
    private final Clock clock;

    InformationRequestViews(InformationRequestStore store, AgreementProfile profile, Clock clock) {
        this.store = store;
        this.profile = profile;
        this.clock = clock;
    }

    /** One statement per request, sent as one batch; the last envelope of a case carries its whole thread. */
    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        Map<String, CaseThread> threads = new LinkedHashMap<>();
        batch.envelopes().stream().filter(stored -> InformationRequestKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> threads.put(stored.caseId(), stored.thread()));
        if (!threads.isEmpty()) {
            store.save(threads.values().stream().map(thread -> InformationRequestState.of(thread, profile)).toList(),
                    clock.instant());
        }
    }
}
