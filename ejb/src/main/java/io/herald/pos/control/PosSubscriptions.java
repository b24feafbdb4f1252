package io.herald.pos.control;

import io.herald.delivery.control.EventEnvelope;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The subscriptions of one point-of-sale connection, at most {@code limit}. Each has its own id,
 * also when two name the same channel and parameters (a client may route them to different
 * views). Changes return the routing keys the connection starts or stops needing; events are
 * matched against an immutable snapshot, so delivery never waits for a change.
 */
public final class PosSubscriptions {

    /** One subscription as the client created it. */
    public record Subscription(String id, PosFilter filter, JsonObject params, Instant createdAt) {
    }

    /** A change and the routing keys it added or dropped for the connection. */
    public record Change(List<Subscription> subscriptions, Set<String> keys) {
    }

    private final int limit;
    private final Map<String, Subscription> byId = new LinkedHashMap<>();
    private final Map<String, Integer> keyUse = new HashMap<>();
    private volatile List<Subscription> snapshot = List.of();

    public PosSubscriptions(int limit) {
        this.limit = limit;
    }

    /** Adds a subscription; @return it and the keys the connection must now listen to */
    public synchronized Change add(PosFilter filter, JsonObject params) throws PosRefused {
        if (byId.size() >= limit) {
            throw new PosRefused(PosError.limit(byId.size(), limit));
        }
        String id;
        do {
            id = "sub-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        } while (byId.containsKey(id));
        Subscription s = new Subscription(id, filter, params, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        byId.put(id, s);
        Set<String> added = new LinkedHashSet<>();
        for (String key : filter.routingKeys()) {
            if (keyUse.merge(key, 1, Integer::sum) == 1) {
                added.add(key);
            }
        }
        snapshot = List.copyOf(byId.values());
        return new Change(List.of(s), added);
    }

    /** Removes one; @return it and the keys no other subscription needs, or empty when unknown */
    public synchronized Optional<Change> remove(String id) {
        Subscription s = byId.remove(id);
        if (s == null) {
            return Optional.empty();
        }
        Set<String> dropped = release(s);
        snapshot = List.copyOf(byId.values());
        return Optional.of(new Change(List.of(s), dropped));
    }

    /** Removes all; @return them and every key */
    public synchronized Change removeAll() {
        List<Subscription> all = new ArrayList<>(byId.values());
        Set<String> dropped = new LinkedHashSet<>();
        all.forEach(s -> dropped.addAll(release(s)));
        byId.clear();
        snapshot = List.of();
        return new Change(all, dropped);
    }

    private Set<String> release(Subscription s) {
        Set<String> dropped = new LinkedHashSet<>();
        for (String key : s.filter().routingKeys()) {
            if (keyUse.merge(key, -1, Integer::sum) == 0) {
                keyUse.remove(key);
                dropped.add(key);
            }
        }
        return dropped;
    }

    public List<Subscription> all() {
        return snapshot;
    }

    public int size() {
        return snapshot.size();
    }

    /** The ids of the subscriptions the event passes, in the order they were made. */
    public List<String> matching(EventEnvelope event) {
        List<String> ids = null;
        for (Subscription s : snapshot) {
            if (s.filter().matches(event)) {
                if (ids == null) {
                    ids = new ArrayList<>(2);
                }
                ids.add(s.id());
            }
        }
        return ids == null ? List.of() : ids;
    }
}
