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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records refusals of callers who are not signed in (bad passwords, unknown tokens, requests without one) without
 * letting them fill the audit log: each address has a number of refusals per minute recorded one by one; beyond
 * it they are counted, and one entry per address and minute says how many were not recorded individually.
 * Refusals of signed-in users do not pass here: those are always recorded one by one.
 */
@Component
public class AnonymousRefusals {

    /** Beyond this many addresses in one minute, the counts are written out early so that memory stays bounded. */
    private static final int MAX_ADDRESSES = 10_000;

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
            @Value("${passerelle.audit.anonymous-refusals-per-minute:60}") int perMinute) {
        this.audit = audit;
        this.clock = clock;
        this.perMinute = perMinute;
        flusher.scheduleWithFixedDelay(this::writePastCounts, 1, 1, TimeUnit.MINUTES);
    }

    /** Records the refusal, or counts it when its address has used its minute's entries. */
    public void record(String action, String recordType, String recordId, AuditOutcome outcome, String details) {
        String address = String.valueOf(AuditTrail.currentAddress());
        long minute = clock.millis() / 60_000;
        if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
            writeCounts(minute + 1);
        }
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
        writeCounts(clock.millis() / 60_000);
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

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
    }
}
