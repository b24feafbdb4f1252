package io.herald.auth.control;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The guessing limit of a password sign-in, shared by the admin page and the commerce back office:
 * failed attempts are counted per client address and per account in fixed windows; an address or
 * an account that used up its attempts waits until its window ends, even with the right password.
 * <p>
 * An attempt counts when it starts ({@link #attempt}), so parallel guesses cannot overrun the
 * limit; {@link #succeeded} takes it back and forgets the address's failures. An account's count is
 * not reset by a success: it only ends with its window, so nobody can reset it for the guesser.
 * <p>
 * Each table holds at most {@code capacity} keys and never drops a key whose window is still
 * running: noise from many addresses (or many made-up accounts) cannot push out a victim's count.
 * Keys that find the table full share one overflow entry with the same limit, so a flood beyond
 * the capacity is throttled as a whole until windows end. Expired entries are purged when the
 * table is full and the earliest window has ended. Thread-safe; the caller passes the clock.
 */
public final class LoginThrottle {

    /** @param perAddress failed attempts one address may make per window
     *  @param perAccount failed attempts one account may receive per window, from any address
     *  @param windowMillis how long a window runs from its first failure
     *  @param capacity addresses (and accounts) tracked at most */
    public record Limits(int perAddress, int perAccount, long windowMillis, int capacity) {
        public Limits {
            if (perAddress < 1 || perAccount < 1 || windowMillis < 1000 || capacity < 1) {
                throw new IllegalArgumentException("login limits must be positive (window at least 1 s): " + perAddress
                        + " per address, " + perAccount + " per account, " + windowMillis + " ms, " + capacity + " tracked");
            }
        }
    }

    private final Limits limits;
    private final Table addresses;
    private final Table accounts;

    public LoginThrottle(Limits limits) {
        this.limits = limits;
        this.addresses = new Table(limits.perAddress(), limits.windowMillis(), limits.capacity());
        this.accounts = new Table(limits.perAccount(), limits.windowMillis(), limits.capacity());
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Starts an attempt on {@code account} from {@code address}.
     * @return {@code 0} when it may go ahead (it counts as failed until {@link #succeeded}), otherwise
     *         the seconds until it may try again (at least 1): the attempt is refused unchecked
     */
    public synchronized long attempt(String account, String address, long nowMillis) {
        long wait = Math.max(addresses.waitMillis(address, nowMillis), accounts.waitMillis(account, nowMillis));
        if (wait > 0) {
            return Math.max(1, (wait + 999) / 1000);
        }
        addresses.count(address, nowMillis);
        accounts.count(account, nowMillis);
        return 0;
    }

    /** The attempt started with {@link #attempt} was right: the address's failures are forgotten. */
    public synchronized void succeeded(String account, String address) {
        addresses.forget(address);
        accounts.takeBack(account);
    }

    /** Whether the account has used up its attempts (for a log line). */
    public synchronized boolean accountLocked(String account, long nowMillis) {
        return accounts.waitMillis(account, nowMillis) > 0;
    }

    /** Keys tracked now, overflow not included (for tests). */
    synchronized int tracked() {
        return addresses.windows.size() + accounts.windows.size();
    }

    /** One counter per key and window. */
    private static final class Window {
        long start;
        int failures;

        boolean running(long now, long windowMillis) {
            return failures > 0 && now - start < windowMillis;
        }
    }

    /** Bounded: a running window is never dropped; beyond the capacity keys share {@link #overflow}. */
    private static final class Table {
        private final int limit;
        private final long windowMillis;
        private final int capacity;
        private final Map<String, Window> windows = new HashMap<>();
        private final Window overflow = new Window();
        /** No window ends before this: purging earlier finds nothing. */
        private long nextExpiry = Long.MIN_VALUE;

        Table(int limit, long windowMillis, int capacity) {
            this.limit = limit;
            this.windowMillis = windowMillis;
            this.capacity = capacity;
        }

        long waitMillis(String key, long now) {
            Window w = windows.get(key);
            if (w == null && full(now)) {
                w = overflow;
            }
            if (w == null || !w.running(now, windowMillis) || w.failures < limit) {
                return 0;
            }
            return w.start + windowMillis - now;
        }

        void count(String key, long now) {
            Window w = windows.get(key);
            if (w == null) {
                if (full(now)) {
                    w = overflow;
                } else {
                    w = new Window();
                    windows.put(key, w);
                }
            }
            if (!w.running(now, windowMillis)) {
                w.start = now;
                w.failures = 0;
                if (w != overflow) {
                    nextExpiry = nextExpiry == Long.MIN_VALUE ? now + windowMillis : Math.min(nextExpiry, now + windowMillis);
                }
            }
            w.failures++;
        }

        void forget(String key) {
            windows.remove(key);
        }

        void takeBack(String key) {
            Window w = windows.get(key);
            if (w != null && w.failures > 0) {
                w.failures--;
            }
        }

        /** Whether a new key finds no room, after dropping the windows that have ended. */
        private boolean full(long now) {
            if (windows.size() < capacity) {
                return false;
            }
            if (nextExpiry == Long.MIN_VALUE || now >= nextExpiry) {
                long earliest = Long.MAX_VALUE;
                for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
                    Window w = it.next();
                    if (w.running(now, windowMillis)) {
                        earliest = Math.min(earliest, w.start + windowMillis);
                    } else {
                        it.remove();
                    }
                }
                nextExpiry = earliest == Long.MAX_VALUE ? Long.MIN_VALUE : earliest;
            }
            return windows.size() >= capacity;
        }
    }
}
