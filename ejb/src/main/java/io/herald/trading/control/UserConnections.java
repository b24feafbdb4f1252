package io.herald.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** How many authenticated trading connections each user holds on this node, for the per-user cap. */
@ApplicationScoped
public class UserConnections {

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Counts one more connection unless the user holds {@code limit} already; @return whether it was counted */
    public boolean tryOpen(String user, int limit) {
        boolean[] counted = {false};
        open.compute(user, (u, n) -> {
            int current = n == null ? 0 : n;
            if (current >= limit) {
                return n;
            }
            counted[0] = true;
            return current + 1;
        });
        return counted[0];
    }

    public void closed(String user) {
        open.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    }

    public int count(String user) {
        return open.getOrDefault(user, 0);
    }
}
