package io.herald.delivery.control;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded memory of the event ids seen last, to drop events delivered twice by the broker. */
public final class RecentIds {

    private final Map<Long, Boolean> seen;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return {@code true} the first time an id is offered (while it is remembered) */
    public synchronized boolean firstSighting(long id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
