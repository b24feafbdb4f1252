package io.herald.delivery.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.StrictJson;
import io.herald.common.control.WireJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JMS message format (a {@code TextMessage}): {@code {"v":1,"id":…,"product":…,"type":…,
 * "keys":[…],"data":{…},"timestamp":…,"epoch":…}}. Readers reject other versions so that a node
 * never guesses at a format it does not know; {@code epoch} (the event log's identity) is optional
 * within version 1, so nodes of the previous release read it.
 */
public final class EnvelopeCodec {

    public static final int VERSION = 1;

    private EnvelopeCodec() {
    }

    public static String encode(EventEnvelope e) {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        e.routingKeys().stream().sorted().forEach(keys::add);
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("v", VERSION)
                .add("id", e.id())
                .add("product", e.product())
                .add("type", e.type())
                .add("keys", keys)
                .add("data", e.data())
                .add("timestamp", WireJson.timestamp(e.timestamp()));
        if (!e.epoch().isEmpty()) {
            b.add("epoch", e.epoch());
        }
        return b.build().toString();
    }

    /** @throws IllegalArgumentException when the text is not a version-1 envelope */
    public static EventEnvelope decode(String text) {
        try {
            JsonObject o = StrictJson.read(text).asJsonObject();
            if (!(o.get("v") instanceof JsonNumber v) || !v.isIntegral() || v.intValue() != VERSION) {
                throw new IllegalArgumentException("unsupported envelope version: " + o.get("v"));
            }
            Set<String> keys = new LinkedHashSet<>();
            o.getJsonArray("keys").getValuesAs(JsonString.class).forEach(k -> keys.add(k.getString()));
            return new EventEnvelope(
                    o.getJsonNumber("id").longValueExact(),
                    o.getString("product"),
                    o.getString("type"),
                    keys,
                    o.getJsonObject("data"),
                    Instant.parse(o.getString("timestamp")),
                    o.getString("epoch", ""));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed event envelope: " + e.getMessage(), e);
        }
    }
}
