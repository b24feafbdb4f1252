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
 * @param epoch the event log's identity ({@code LogIdentity}); empty for ephemeral events
 */
public record EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp,
        String epoch) {

    public EventEnvelope {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(type, "type");
        routingKeys = Set.copyOf(routingKeys);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timestamp, "timestamp");
        epoch = epoch == null ? "" : epoch;
    }

    /** An event without a known log identity (ephemeral, or in tests). */
    public EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp) {
        this(id, product, type, routingKeys, data, timestamp, "");
    }

    public boolean durable() {
        return id > 0;
    }

    /**
     * The id a client sees and passes back to resume ({@code <epoch>.<id>}, see {@link EventIds}),
     * or {@code null} for an ephemeral event or one not read from the event log (no epoch).
     */
    public String wireId() {
        return durable() && !epoch.isEmpty() ? EventIds.wire(epoch, id) : null;
    }
}
