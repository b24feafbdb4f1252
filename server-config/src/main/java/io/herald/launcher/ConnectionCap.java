package io.herald.launcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The cap on open HTTP connections (WebSockets included): a connection is admitted while fewer
 * than the cap are open, and counted until it closes. Grizzly, Payara's HTTP layer, has no such
 * limit of its own; without one, connections that never finish their request hold a file
 * descriptor each until the idle timeout, and enough of them leave none for the database, the
 * broker or readiness probes.
 */
public final class ConnectionCap {

    private static final long REPORT_EVERY_MILLIS = 60_000;

    private final int limit;
    private final Set<Object> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);
    private final LongSupplier clock;

    public ConnectionCap(int limit, LongSupplier clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the connection cap must be at least 1");
        }
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * The default cap: three quarters of the process's file descriptor limit (the rest stays for
     * jars, logs, the database and the broker), at least 256; no limit known: 10,000.
     */
    public static int defaultLimit(long maxFileDescriptors) {
        if (maxFileDescriptors <= 0) {
            return 10_000;
        }
        return (int) Math.max(256, Math.min(Integer.MAX_VALUE, maxFileDescriptors / 4 * 3));
    }

    /** @return whether {@code connection} may stay open (then it counts until {@link #closed}) */
    public boolean admit(Object connection) {
        // counted first, then checked: two racing connections cannot both take the last place
        open.add(connection);
        if (open.size() <= limit) {
            return true;
        }
        open.remove(connection);
        refused.incrementAndGet();
        return false;
    }

    public void closed(Object connection) {
        open.remove(connection);
    }

    public int open() {
        return open.size();
    }

    public int limit() {
        return limit;
    }

    /**
     * Connections refused since the last report, when a report is due (at most one a minute, so
     * that a flood writes one line, not one per connection); otherwise 0.
     */
    public long refusedToReport() {
        long now = clock.getAsLong();
        long last = lastReport.get();
        if (refused.get() == 0 || (last != Long.MIN_VALUE && now - last < REPORT_EVERY_MILLIS) || !lastReport.compareAndSet(last, now)) {
            return 0;
        }
        return refused.getAndSet(0);
    }
}
