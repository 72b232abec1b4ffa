package org.passerelle.graph;

import java.util.Objects;

/**
 * A recorded entity of an investigation, identified by the label analysts wrote.
 *
 * @param id   the label, kept exactly as written (it names the node in every result)
 * @param kind what the entity is
 */
public record Entity(String id, EntityKind kind) {
    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an entity needs a non-empty id");
        }
    }
}
