package org.passerelle.server.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.server.shared.Workflow.Side.REQUESTER;
import static org.passerelle.server.shared.Workflow.Side.RESPONDER;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.server.shared.Workflow.Transition;

class WorkflowTest {

    enum Door { CLOSED, OPEN, LOCKED }

    private final Workflow<Door> door = new Workflow<>(
            new Transition<>("open", RESPONDER, Set.of(Door.CLOSED), Door.OPEN),
            new Transition<>("close", REQUESTER, Set.of(Door.OPEN), Door.CLOSED),
            new Transition<>("lock", RESPONDER, Set.of(Door.CLOSED), Door.LOCKED));

    @Test
    void aStepMovesTheCaseOnlyFromItsStatesAndFromItsSide() {
        assertThat(door.next(Door.CLOSED, "open", RESPONDER)).contains(Door.OPEN);
        assertThat(door.next(Door.CLOSED, "open", REQUESTER)).isEmpty();
        assertThat(door.next(Door.OPEN, "open", RESPONDER)).isEmpty();
        assertThat(door.next(Door.OPEN, "knock", RESPONDER)).isEmpty();
    }

    @Test
    void whatASideMaySendInAStateIsWhatAPageOffers() {
        assertThat(door.allowed(Door.CLOSED, RESPONDER)).containsExactly("open", "lock");
        assertThat(door.allowed(Door.CLOSED, REQUESTER)).isEmpty();
        assertThat(door.allowed(Door.LOCKED, RESPONDER)).isEmpty();
    }

    @Test
    void aKindHasOneTransition() {
        assertThatThrownBy(() -> new Workflow<>(new Transition<>("open", RESPONDER, Set.of(Door.CLOSED), Door.OPEN),
                new Transition<>("open", REQUESTER, Set.of(Door.LOCKED), Door.OPEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
