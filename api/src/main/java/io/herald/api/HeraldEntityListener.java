package io.herald.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * A JPA entity listener for an application's own entities marked {@link HeraldEntity}: each
 * insert, update and delete fires a {@link HeraldEvent} ({@code <name>:created}, {@code :updated},
 * {@code :deleted}) in the flushing transaction, which {@link HeraldRelay} sends to Herald, so
 * the change reaches Herald's subscribers if and only if the transaction commits. {@code data} is
 * the entity as JSON-B writes it; an update adds {@code changed_fields} with the new values of the
 * fields that differ from the state the entity was loaded or last flushed with (a field that
 * became null is {@code null} there), and an update that changed none of them fires nothing.
 * Changes flushed only by the commit are sent right after it (see {@link HeraldRelay}).
 */
public class HeraldEntityListener {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final IdentitySnapshots KNOWN = new IdentitySnapshots();

    @PostLoad
    void loaded(Object entity) {
        KNOWN.put(entity, state(entity));
    }

    @PostPersist
    void created(Object entity) {
        JsonObject state = state(entity);
        KNOWN.put(entity, state);
        fire(entity, "created", state);
    }

    @PostUpdate
    void updated(Object entity) {
        JsonObject state = state(entity);
        JsonObject before = KNOWN.put(entity, state);
        JsonObject changed = before == null ? state : changedFields(before, state);
        if (!changed.isEmpty()) {
            fire(entity, "updated", Json.createObjectBuilder(state).add("changed_fields", changed).build());
        }
    }

    @PostRemove
    void removed(Object entity) {
        KNOWN.remove(entity);
        fire(entity, "deleted", state(entity));
    }

    /** The fields of {@code after} whose values differ from {@code before}, and those it no longer has as null. */
    static JsonObject changedFields(JsonObject before, JsonObject after) {
        JsonObjectBuilder changed = Json.createObjectBuilder();
        after.forEach((field, value) -> {
            if (!value.equals(before.get(field))) {
                changed.add(field, value);
            }
        });
        before.keySet().stream().filter(field -> !after.containsKey(field)).forEach(field -> changed.add(field, JsonValue.NULL));
        return changed.build();
    }

    static HeraldEvent event(Class<?> type, String operation, JsonObject data) {
        HeraldEntity spec = type.getAnnotation(HeraldEntity.class);
        if (spec == null) {
            throw new IllegalStateException("Herald API: " + type.getName() + " uses HeraldEntityListener but has no @HeraldEntity "
                    + "saying its product, name and routing keys");
        }
        return new HeraldEvent(spec.product(), spec.name() + ":" + operation, data, new LinkedHashSet<>(Arrays.asList(spec.routingKeys())), spec.durable());
    }

    private static void fire(Object entity, String operation, JsonObject data) {
        CDI.current().getBeanManager().getEvent().select(HeraldEvent.class).fire(event(entity.getClass(), operation, data));
    }


    static JsonObject state(Object entity) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(entity)))) {
            return reader.readObject();
        }
    }
}
