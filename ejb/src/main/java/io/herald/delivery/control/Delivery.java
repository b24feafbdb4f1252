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
    private final Map<Object, Object> encodings = new ConcurrentHashMap<>(4);

    public Delivery(EventEnvelope event) {
        this.event = event;
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
