package io.herald.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern FIELD = Pattern.compile("\\{([^{}]+)}");
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
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String template : spec.routingKeys()) {
            keys.add(routingKey(template, data, type));
        }
        return new HeraldEvent(spec.product(), spec.name() + ":" + operation, data, keys, spec.durable());
    }

    /** The template with each {@code {field}} replaced by that field of the state, URL-encoded. */
    static String routingKey(String template, JsonObject state, Class<?> type) {
        Matcher m = FIELD.matcher(template);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            JsonValue value = state.get(m.group(1));
            if (value == null || value == JsonValue.NULL) {
                throw new IllegalStateException("Herald API: the routing key " + template + " of " + type.getName()
                        + " needs the field " + m.group(1) + ", which is missing or null");
            }
            String text = value instanceof JsonString s ? s.getString() : value.toString();
            m.appendReplacement(key, Matcher.quoteReplacement(URLEncoder.encode(text, StandardCharsets.UTF_8)));
        }
        m.appendTail(key);
        return key.toString();
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
