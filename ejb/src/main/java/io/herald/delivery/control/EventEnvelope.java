package io.herald.delivery.control;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
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
 * @param resume where a client that received this event resumes, when that is not simply "after
 *        this id" ({@code null}): set by the node that hands the event to its subscribers
 */
public record EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp,
        String epoch, ResumePoint resume) {

    /**
     * A client that received the event has every event up to {@code after} except the {@code open}
     * ids (ids below it whose transactions had not committed when a higher id went out).
     */
    public record ResumePoint(long after, List<Long> open) {
        public ResumePoint {
            open = List.copyOf(open);
        }
    }

    public EventEnvelope {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(type, "type");
        routingKeys = Set.copyOf(routingKeys);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timestamp, "timestamp");
        epoch = epoch == null ? "" : epoch;
    }

    /** An event as logged or published (its id is its resume point). */
    public EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp,
            String epoch) {
        this(id, product, type, routingKeys, data, timestamp, epoch, null);
    }

    /** An event without a known log identity (ephemeral, or in tests). */
    public EventEnvelope(long id, String product, String type, Set<String> routingKeys, JsonObject data, Instant timestamp) {
        this(id, product, type, routingKeys, data, timestamp, "", null);
    }

    /** This event for clients that resume after {@code after} and need the {@code open} ids below it. */
    public EventEnvelope resumingAt(long after, List<Long> open) {
        if (after == id && open.isEmpty()) {
            return resume == null ? this : new EventEnvelope(id, product, type, routingKeys, data, timestamp, epoch, null);
        }
        return new EventEnvelope(id, product, type, routingKeys, data, timestamp, epoch, new ResumePoint(after, open));
    }

    public boolean durable() {
        return id > 0;
    }

    /**
     * The id a client sees and passes back to resume ({@code <epoch>.<id>} and, when the node knew
     * open ids below it, the resume point; see {@link EventIds}), or {@code null} for an ephemeral
     * event or one not read from the event log (no epoch).
     */
    public String wireId() {
        if (!durable() || epoch.isEmpty()) {
            return null;
        }
        return resume == null ? EventIds.wire(epoch, id) : EventIds.wire(epoch, id, resume.after(), resume.open());
    }
}
