package org.passerelle.server.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A case's workflow as one table: which kind of message each side of the case may send, from which states, and the
 * state it leads to. The pure function that derives a case's state from its thread and the commands that refuse a
 * step out of turn read the same table, so that what a node lets its users send is what both nodes accept as a step.
 *
 * @param <S> the case's states
 */
public final class Workflow<S extends Enum<S>> {

    /** The two sides of a case between parties: the one that opened it, and the one it was addressed to. */
    public enum Side { REQUESTER, RESPONDER }

    /** A message of {@code kind}, sent by {@code by} while the case is in one of {@code from}, moves it to {@code to}. */
    public record Transition<S>(String kind, Side by, Set<S> from, S to) {

        public Transition {
            from = Set.copyOf(from);
        }
    }

    private final Map<String, Transition<S>> byKind = new LinkedHashMap<>();

    @SafeVarargs
    public Workflow(Transition<S>... transitions) {
        for (Transition<S> transition : transitions) {
            if (byKind.put(transition.kind(), transition) != null) {
                throw new IllegalArgumentException("Two transitions for kind " + transition.kind());
            }
        }
    }

    /** The transition of messages of {@code kind}, if that kind moves the case at all. */
    public Optional<Transition<S>> transition(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /**
     * The state after a message of {@code kind} from side {@code by} in state {@code from}; empty when the table does
     * not allow that step (the message stays in the thread, shown, and moves nothing).
     */
    public Optional<S> next(S from, String kind, Side by) {
        return transition(kind).filter(t -> t.by() == by && t.from().contains(from)).map(Transition::to);
    }

    /** The kinds side {@code by} may send in state {@code state}, in the table's order: what a page offers. */
    public List<String> allowed(S state, Side by) {
        return byKind.values().stream().filter(t -> t.by() == by && t.from().contains(state)).map(Transition::kind)
                .toList();
    }

    public List<Transition<S>> transitions() {
        return List.copyOf(byKind.values());
    }
}
