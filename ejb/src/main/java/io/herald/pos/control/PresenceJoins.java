package io.herald.pos.control;

import java.util.HashSet;
import java.util.Set;

/**
 * The presence one connection has joined, at most {@code limit} channel-and-location pairs (each
 * one a row in the shared presence table and an announcement to its subscribers, so a client must
 * not join without bound). Joining a pair joined already updates it and counts once. Thread-safe.
 */
public final class PresenceJoins {

    private final int limit;
    private final Set<String> joined = new HashSet<>();

    public PresenceJoins(int limit) {
        this.limit = limit;
    }

    private static String key(PosChannel channel, String location) {
        return channel.wireName() + '\n' + location;
    }

    /** Counts a join; @throws PosRefused {@code presence_limit} when the connection has joined {@code limit} others */
    public synchronized void join(PosChannel channel, String location) throws PosRefused {
        String key = key(channel, location);
        if (!joined.contains(key) && joined.size() >= limit) {
            throw new PosRefused(PosError.presenceLimit(joined.size(), limit));
        }
        joined.add(key);
    }

    /** The connection left (or failed to join) that pair. */
    public synchronized void left(PosChannel channel, String location) {
        joined.remove(key(channel, location));
    }

    /** Whether it has joined anything (so its presence must go when it closes). */
    public synchronized boolean any() {
        return !joined.isEmpty();
    }
}
