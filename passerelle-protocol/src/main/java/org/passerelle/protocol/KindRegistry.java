package org.passerelle.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The kinds a node accepts and the schema of each one's payload. */
public final class KindRegistry {

    private final Map<String, PayloadSchema> schemas = new ConcurrentHashMap<>();

    public KindRegistry() {
        ProtocolKinds.register(this);
    }

    public void register(String kind, PayloadSchema schema) {
        if (schemas.putIfAbsent(kind, schema) != null) {
            throw new IllegalStateException("Kind " + kind + " is registered twice");
        }
    }

    public Optional<PayloadSchema> schema(String kind) {
        return Optional.ofNullable(schemas.get(kind));
    }
}
