package org.passerelle.server.security;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.server.audit.AuditOutcome;
import org.passerelle.server.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records refusals of callers who are not signed in (bad passwords, unknown tokens, requests without one) without
 * letting them fill the audit log: each address has a number of refusals per minute recorded one by one; beyond
 * it they are counted, and one entry per address and minute says how many were not recorded individually.
 * Refusals of signed-in users do not pass here: those are always recorded one by one.
 */
@Component
public class AnonymousRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(AnonymousRefusals.class);

    /** Beyond this many addresses in one minute, the others share one window, so that memory stays bounded. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final String OTHER_ADDRESSES = "other addresses";

    private static final class Window {
        long minute;
        int recorded;
        int unrecorded;
        /** Written out and out of the map: a caller still holding it takes a new one. */
        boolean retired;
    }

    private final AuditTrail audit;
    private final Clock clock;
    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "anonymous-refusals");
        thread.setDaemon(true);
        return thread;
    });

    public AnonymousRefusals(AuditTrail audit, Clock clock,
            SecurityProperties properties) {
        this.audit = audit;
        this.clock = clock;
        this.perMinute = properties.anonymousRefusalsPerMinute();
        flusher.scheduleWithFixedDelay(this::writePastCounts, 1, 1, TimeUnit.MINUTES);
    }

    /** Records the refusal, or counts it when its address has used its minute's entries. */
    public void record(String action, String recordType, String recordId, AuditOutcome outcome, String details) {
        String caller = String.valueOf(AuditTrail.currentAddress());
        String address = windows.size() >= MAX_ADDRESSES && !windows.containsKey(caller) ? OTHER_ADDRESSES : caller;
        long minute = clock.millis() / 60_000;
        boolean individually;
        int unrecordedBefore = 0;
        while (true) {
            Window window = windows.computeIfAbsent(address, a -> new Window());
            synchronized (window) {
                if (window.retired) {
                    continue;
                }
                if (window.minute != minute) {
                    unrecordedBefore = window.unrecorded;
                    window.minute = minute;
                    window.recorded = 0;
                    window.unrecorded = 0;
                }
                individually = window.recorded < perMinute;
                if (individually) {
                    window.recorded++;
                } else {
                    window.unrecorded++;
                }
                break;
            }
        }
        writeCount(address, unrecordedBefore);
        if (individually) {
            audit.record(action, recordType, recordId, outcome, details);
        }
    }

    /** Writes out and forgets the counts of minutes that have ended. */
    void writePastCounts() {
        try {
            writeCounts(clock.millis() / 60_000);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the count being written is lost, the pass goes on.
            LOG.warn("Could not record the counts of refusals: {}", e.toString());
        }
    }

    private void writeCounts(long before) {
        windows.forEach((address, window) -> {
            int unrecorded;
            synchronized (window) {
                if (window.minute >= before) {
                    return;
                }
                unrecorded = window.unrecorded;
                window.retired = true;
                windows.remove(address, window);
            }
            writeCount(address, unrecorded);
        });
    }

    private void writeCount(String address, int unrecorded) {
        if (unrecorded > 0) {
            audit.record("access.refusals.unrecorded", "address", address, AuditOutcome.DENIED,
                    unrecorded + " refusals in one minute beyond the " + perMinute + " recorded one by one");
        }
    }

    /** Stops the periodic pass and writes every count held, the current minute's too. */
    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        try {
            writeCounts(Long.MAX_VALUE);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the counts of refusals at shutdown: {}", e.toString());
        }
    }
}
