package io.herald.common.control;

import static io.herald.common.control.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Turns wire-state maps into JSON and instants into the documents' timestamp format. */
public final class WireJson {

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2026-01-25T10:30:00.000Z}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A JSON object with the map's entries in its order; {@code null} becomes JSON null. */
    public static JsonObject object(Map<String, ?> state) {
        return builder(state).build();
    }

    public static JsonObjectBuilder builder(Map<String, ?> state) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        state.forEach((k, v) -> add(b, k, v));
        return b;
    }

    public static void add(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.addNull(name);
        } else if (value instanceof String s) {
            b.add(name, s);
        } else if (value instanceof BigDecimal d) {
            b.add(name, d);
        } else if (value instanceof Long l) {
            b.add(name, l);
        } else if (value instanceof Integer i) {
            b.add(name, i);
        } else if (value instanceof Boolean bool) {
            b.add(name, bool);
        } else if (value instanceof Instant t) {
            b.add(name, timestamp(t));
        } else if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> nested = (Map<String, ?>) m;
            b.add(name, builder(nested));
        } else if (value instanceof jakarta.json.JsonValue j) {
            b.add(name, j);
        } else {
            b.add(name, value.toString());
        }
    }
}
