package org.passerelle.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The messages of one case in a single order that every node computes alike from the same set of envelopes,
 * whatever order they arrived in: parents before children, then by sending time, then by id. On that order
 * it applies the originators' controls (retraction, correction), so that a module's state function only folds
 * over {@link #entries()}.
 */
public final class CaseThread {

    /**
     * One business message as it now stands.
     *
     * @param payload the current content: the corrected one after a correction, null after a retraction
     */
    public record Entry(Envelope envelope, JsonNode payload, boolean retracted, boolean corrected) {
    }

    private final List<Envelope> ordered;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private CaseThread(List<Envelope> ordered) {
        this.ordered = ordered;
        Map<String, Envelope> byId = new HashMap<>();
        ordered.forEach(e -> byId.put(e.id(), e));
        for (Envelope envelope : ordered) {
            switch (envelope.kind()) {
                case ProtocolKinds.RETRACTION -> target(envelope, byId).ifPresent(t -> entries.computeIfPresent(t.id(),
                        (id, entry) -> new Entry(entry.envelope(), null, true, entry.corrected())));
                case ProtocolKinds.CORRECTION -> target(envelope, byId).ifPresent(t -> entries.computeIfPresent(t.id(),
                        (id, entry) -> entry.retracted() ? entry
                                : new Entry(entry.envelope(), envelope.payload().get("payload"), false, true)));
                case ProtocolKinds.CONSENT, ProtocolKinds.FORWARD -> { }
                default -> entries.put(envelope.id(), new Entry(envelope, envelope.payload(), false, false));
            }
        }
    }

    /** Orders a case's envelopes (acknowledgements are left out: they are no part of the thread). */
    public static CaseThread of(Collection<Envelope> envelopes) {
        Map<String, Envelope> byHash = new HashMap<>();
        for (Envelope e : envelopes) {
            if (!ProtocolKinds.acknowledgement(e.kind())) {
                byHash.put(e.hash(), e);
            }
        }
        Map<String, Integer> waitingParents = new HashMap<>();
        Map<String, List<Envelope>> children = new HashMap<>();
        for (Envelope e : byHash.values()) {
            int known = 0;
            for (String parent : new HashSet<>(e.parents())) {
                if (byHash.containsKey(parent)) {
                    known++;
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(e);
                }
            }
            waitingParents.put(e.hash(), known);
        }
        Comparator<Envelope> order = Comparator.comparing(Envelope::sentAt).thenComparing(Envelope::id);
        PriorityQueue<Envelope> ready = new PriorityQueue<>(order);
        byHash.values().stream().filter(e -> waitingParents.get(e.hash()) == 0).forEach(ready::add);
        List<Envelope> ordered = new ArrayList<>(byHash.size());
        while (!ready.isEmpty()) {
            Envelope next = ready.poll();
            ordered.add(next);
            for (Envelope child : children.getOrDefault(next.hash(), List.of())) {
                if (waitingParents.merge(child.hash(), -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return new CaseThread(ordered);
    }

    /** Every envelope of the thread in its agreed order, controls included. */
    public List<Envelope> envelopes() {
        return ordered;
    }

    /** The business messages in order, each with its current content. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Hashes no other envelope of the thread names as parent: the parents of the next envelope. */
    public List<String> heads() {
        Set<String> named = new HashSet<>();
        ordered.forEach(e -> named.addAll(e.parents()));
        return ordered.stream().map(Envelope::hash).filter(h -> !named.contains(h)).sorted().toList();
    }

    public Optional<Envelope> byId(String id) {
        return ordered.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The envelope a control names, if it is in the thread and the control comes from its originator. */
    private static Optional<Envelope> target(Envelope control, Map<String, Envelope> byId) {
        Envelope target = byId.get(control.payload().path("envelope").asString(""));
        if (target == null || !target.from().equals(control.from())
                || !target.hash().equals(control.payload().path("hash").asString(""))) {
            return Optional.empty();
        }
        return Optional.of(target);
    }
}
