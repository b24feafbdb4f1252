package io.herald.delivery.control;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An event as it travels from the event log over the JMS topic to every node.
 *
 * @param id the event-log id; {@code 0} for ephemeral events, which are never logged or deduplicated
 * @param product the product whose subscribers may receive it
 * @param type the product's event name, e.g. {@code order:updated}
 * @param routingKeys subscription keys that select the receiving sessions
 * @param data the payload
 * @param timestamp when the event was logged
 */
public record EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp) {

    public EventEnvelope {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(type, "type");
        routingKeys = Set.copyOf(routingKeys);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean durable() {
        return id > 0;
    }
}
