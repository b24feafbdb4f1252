package io.herald.change.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable record of one entity change, fired as a CDI event by {@link ChangeListener}.
 *
 * @param product the product the entity belongs to, e.g. {@code commerce}
 * @param entity the entity's event name, e.g. {@code order}
 * @param operation created, updated or deleted
 * @param state the state after the change (for deletes: the last state before it), keyed by
 *     wire field name; values are {@code String}, {@code Long}, {@code Integer},
 *     {@code BigDecimal}, {@code Boolean} or {@code null}
 * @param changedFields for updates, the fields that changed with their new values; empty otherwise
 */
public record EntityChange(String product, String entity, Operation operation, Map<String, Object> state, Map<String, Object> changedFields) {

    public EntityChange {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(operation, "operation");
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        changedFields = Collections.unmodifiableMap(new LinkedHashMap<>(changedFields));
    }

    /** The event name, e.g. {@code order:updated}. */
    public String eventType() {
        return entity + ":" + operation.wireName();
    }
}
