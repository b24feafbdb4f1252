package io.herald.operations.control;

import io.herald.common.control.SequencedRing;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #CAPACITY} client events this node's fan-out handled, for the admin page's live
 * view. Offering one is an increment and an array write (no lock, no copy of the payload: its data is
 * kept by reference, for the page to show on demand); Herald's own messages between nodes are not kept.
 */
@ApplicationScoped
public class RecentEvents {

    static final int CAPACITY = 128;

    /**
     * One event as the admin page lists it.
     *
     * @param seq its place in this node's sequence (starts at 1)
     * @param id the event-log id, {@code 0} for an ephemeral event
     * @param at when it was committed (epoch ms)
     * @param handledAt when this node handed it to its sessions (epoch ms)
     * @param sessions how many of this node's sessions it was queued for
     * @param data the event's data as published (immutable, shared with the delivery)
     */
    public record Seen(long seq, long id, String product, String type, List<String> routingKeys, long at, long handledAt, int sessions,
            JsonObject data) {
    }

    private final SequencedRing<Seen> ring = new SequencedRing<>(CAPACITY, Seen::seq);

    /** Called by the fan-out once per event. */
    public void offer(EventEnvelope event, int sessions) {
        if (Subscriber.INTERNAL.equals(event.product())) {
            return;
        }
        ring.add(seq -> new Seen(seq, event.id(), event.product(), event.type(), List.copyOf(event.routingKeys()),
                event.timestamp().toEpochMilli(), System.currentTimeMillis(), Math.max(0, sessions), event.data()));
    }

    /** The events after {@code seq} still kept, oldest first, at most {@code max} (the newest ones). */
    public List<Seen> after(long seq, int max) {
        long last = ring.last();
        return ring.range(Math.max(seq + 1, last - max + 1), last);
    }

    /** The event with this sequence number, while it is still kept. */
    public Optional<Seen> find(long seq) {
        return ring.get(seq);
    }

    /** The sequence number of the newest event, {@code 0} before the first. */
    public long last() {
        return ring.last();
    }
}
