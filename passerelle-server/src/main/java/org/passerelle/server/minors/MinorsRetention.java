package org.passerelle.server.minors;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.CaseThread;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.storage.RoundWorker;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This party's retention, applied in the background: a case whose time has come under this party's rules (after its
 * closure, or after the child came of age) gets a purge notice sent to the other party; on each node, storing that
 * notice drops every payload of the thread ({@link MinorsViews}), and the other node's receipt confirms it.
 */
@Component
class MinorsRetention implements SmartLifecycle {

    private final MinorsStore store;
    private final Exchange exchange;
    private final PartyDirectory parties;
    private final MinorsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RoundWorker worker;

    MinorsRetention(MinorsStore store, Exchange exchange, PartyDirectory parties, MinorsProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.exchange = exchange;
        this.parties = parties;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.worker = new RoundWorker("minors-retention", properties.purgeInterval(), this::round);
    }

    /** Purges every case due today or before; returns how many. */
    int round() {
        int purged = 0;
        for (String caseId : store.caseIds()) {
            Boolean done = transactions.execute(status -> purgeIfDue(caseId));
            purged += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return purged;
    }

    private boolean purgeIfDue(String caseId) {
        store.lock(caseId);
        CaseThread thread = exchange.thread(caseId);
        if (!MinorState.holdsRecord(thread)) {
            return false;
        }
        MinorState state = MinorState.of(thread);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return state.purgeDue(properties.retentionAfterClosure(), properties.retentionAfterMajority())
                .filter(due -> !due.dueOn().isAfter(today))
                .map(due -> {
                    String other = parties.self().code().equals(state.requester()) ? state.responder()
                            : state.requester();
                    exchange.send(new CaseRef(caseId, MinorsKinds.CASE_TYPE), MinorsKinds.PURGED, List.of(other),
                            Minors.HANDLING, MinorsKinds.write(due), List.of());
                    return true;
                }).orElse(false);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
