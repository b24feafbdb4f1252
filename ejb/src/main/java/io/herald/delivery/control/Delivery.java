package io.herald.delivery.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One event on its way to the subscribers of one node. Encodings are computed once per wire
 * format and shared by all sessions of that format.
 */
public final class Delivery {

    private final EventEnvelope event;
    private final boolean replayed;
    private final Map<Object, Object> encodings = new ConcurrentHashMap<>(4);

    /** A live event, as the topic brought it. */
    public Delivery(EventEnvelope event) {
        this(event, false);
    }

    private Delivery(EventEnvelope event, boolean replayed) {
        this.event = event;
        this.replayed = replayed;
    }

    /** An event read from the event log for a client that resumes (not timed as a live delivery). */
    public static Delivery replayed(EventEnvelope event) {
        return new Delivery(event, true);
    }

    /** Whether it comes from a replay rather than the topic. */
    public boolean replayed() {
        return replayed;
    }

    /** When the event was committed (epoch ms) for a live delivery; {@code 0} for a replayed one, which is not timed. */
    public long committedAt() {
        return replayed ? 0 : event.timestamp().toEpochMilli();
    }

    public EventEnvelope event() {
        return event;
    }

    /**
     * The event encoded by {@code encoder}, computed once per {@code format} key. Every caller
     * that passes the same format must pass an encoder of the same result type.
     */
    @SuppressWarnings("unchecked")
    public <T> T encoded(Object format, Function<EventEnvelope, T> encoder) {
        return (T) encodings.computeIfAbsent(format, f -> encoder.apply(event));
    }
}
