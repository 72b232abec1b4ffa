package org.passerelle.server.readmission;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.protocol.CaseThread;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the cases' view table in step with their threads, in the transaction that stored the envelopes, sent or
 * received alike: each case's row is the pure state of its thread. A request's person also goes into the book of
 * requested persons (for duplicates, and the registry's model), on both nodes.
 */
@Component
class ReadmissionViews {

    private final ReadmissionStore store;
    private final ReadmissionMatching matching;
    private final ReadmissionProfile profile;
    private final Clock clock;

    ReadmissionViews(ReadmissionStore store, ReadmissionMatching matching, ReadmissionProfile profile, Clock clock) {
        this.store = store;
        this.matching = matching;
        this.profile = profile;
        this.clock = clock;
    }

    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        Map<String, CaseThread> threads = new LinkedHashMap<>();
        batch.envelopes().stream().filter(stored -> ReadmissionKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> threads.put(stored.caseId(), stored.thread()));
        if (threads.isEmpty()) {
            return;
        }
        List<ReadmissionState> states = threads.values().stream().map(t -> ReadmissionState.of(t, profile)).toList();
        store.save(states, clock.instant());
        batch.envelopes().stream().filter(stored -> ReadmissionKinds.REQUEST.equals(stored.kind()))
                .map(stored -> states.stream().filter(s -> s.caseId().equals(stored.caseId())).findFirst().orElseThrow())
                .filter(state -> state.request() != null)
                .forEach(state -> matching.requested(state.caseId(), state.request().person()));
    }
}
