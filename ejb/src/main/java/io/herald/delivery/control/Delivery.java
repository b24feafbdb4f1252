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
    private final Map<Object, String> encodings = new ConcurrentHashMap<>(4);

    public Delivery(EventEnvelope event) {
        this.event = event;
    }

    public EventEnvelope event() {
        return event;
    }

    /** The event encoded by {@code encoder}, computed once per {@code format} key. */
    public String encoded(Object format, Function<EventEnvelope, String> encoder) {
        return encodings.computeIfAbsent(format, f -> encoder.apply(event));
    }
}
