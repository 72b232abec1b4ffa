package org.passerelle.server.coordination;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.passerelle.protocol.CaseThread;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.passerelle.server.exchange.Exchange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the meetings' and action items' rows in step with the meetings' threads, in the transaction that stored the
 * envelopes, sent or received alike. Both parties write to a meeting, so a node may store a message of its own and one
 * from the other side of the same meeting at once: each update takes the meeting's row lock first and then reads the
 * thread again (not the event's copy, taken before the lock), so the later one sees the earlier one's envelope and
 * neither writes a state without the other's. The meeting's row is updated in place, never replaced, so that a
 * waiting update still finds the row it waits for.
 */
@Component
class CoordinationViews {

    private final CoordinationStore store;
    private final Exchange exchange;
    private final Clock clock;

    CoordinationViews(CoordinationStore store, Exchange exchange, Clock clock) {
        this.store = store;
        this.exchange = exchange;
        this.clock = clock;
    }

    @EventListener
    void onEnvelopesStored(CaseEnvelopesStored batch) {
        Set<String> meetings = new LinkedHashSet<>();
        batch.envelopes().stream().filter(stored -> CoordinationKinds.CASE_TYPE.equals(stored.caseType()))
                .forEach(stored -> meetings.add(stored.caseId()));
        for (String caseId : meetings) {
            store.lockMeeting(caseId);
            CaseThread thread = exchange.thread(caseId);
            if (MeetingState.holdsMeeting(thread)) {
                store.save(MeetingState.of(thread), clock.instant());
            }
        }
    }
}
