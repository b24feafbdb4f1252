package io.herald.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscribers connected to this node, indexed by routing key. Subscribing to a key twice
 * is one subscription; a subscriber that matches an event through several keys is returned once.
 */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, Set<Subscriber>> byKey = new ConcurrentHashMap<>();
    private final Map<Subscriber, Set<String>> keysOf = new ConcurrentHashMap<>();

    /** Adds a subscriber with no subscriptions yet. */
    public void register(Subscriber subscriber) {
        keysOf.putIfAbsent(subscriber, ConcurrentHashMap.newKeySet());
    }

    /** @return {@code false} if the subscriber already had this key */
    public boolean subscribe(Subscriber subscriber, String key) {
        Set<String> keys = keysOf.computeIfAbsent(subscriber, s -> ConcurrentHashMap.newKeySet());
        boolean added = keys.add(key);
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return added;
    }

    /** @return {@code false} if the subscriber did not have this key */
    public boolean unsubscribe(Subscriber subscriber, String key) {
        Set<String> keys = keysOf.get(subscriber);
        boolean removed = keys != null && keys.remove(key);
        dropFromIndex(subscriber, key);
        return removed;
    }

    /** Forgets the subscriber and all its subscriptions. */
    public void remove(Subscriber subscriber) {
        Set<String> keys = keysOf.remove(subscriber);
        if (keys != null) {
            keys.forEach(key -> dropFromIndex(subscriber, key));
        }
    }

    public boolean isSubscribed(Subscriber subscriber, String key) {
        Set<String> keys = keysOf.get(subscriber);
        return keys != null && keys.contains(key);
    }

    /**
     * Every subscriber holding at least one of {@code keys}, each once. For a single key this is
     * a read-only live view of the index (no copy per event); iterating it while sessions come and
     * go is safe and sees each subscriber at most once.
     */
    public Set<Subscriber> match(Collection<String> keys) {
        if (keys.size() == 1) {
            Set<Subscriber> subscribers = byKey.get(keys.iterator().next());
            return subscribers == null ? Set.of() : Collections.unmodifiableSet(subscribers);
        }
        Set<Subscriber> matched = new LinkedHashSet<>();
        for (String key : keys) {
            Set<Subscriber> subscribers = byKey.get(key);
            if (subscribers != null) {
                matched.addAll(subscribers);
            }
        }
        return matched;
    }

    public int size() {
        return keysOf.size();
    }

    /** Every registered subscriber (a live view; for operators, not for delivery). */
    public Collection<Subscriber> subscribers() {
        return Collections.unmodifiableSet(keysOf.keySet());
    }

    /** The keys {@code subscriber} holds now (a copy). */
    public Set<String> keysOf(Subscriber subscriber) {
        Set<String> keys = keysOf.get(subscriber);
        return keys == null ? Set.of() : Set.copyOf(keys);
    }

    /** How many subscribers hold each key now. */
    public Map<String, Integer> subscriptionsPerKey() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byKey.forEach((key, subscribers) -> counts.put(key, subscribers.size()));
        return counts;
    }

    private void dropFromIndex(Subscriber subscriber, String key) {
        byKey.computeIfPresent(key, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }
}
