package io.herald.common.control;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most one log line per interval for a kind of event that can repeat at the rate of traffic
 * (slow clients closed, sends failing while the broker is down); the next line says how many were
 * left out. Thread-safe.
 */
public final class LogLimiter {

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger suppressed = new AtomicInteger();

    public LogLimiter(Logger logger, Duration interval) {
        this(logger, interval, System::nanoTime);
    }

    LogLimiter(Logger logger, Duration interval, LongSupplier clock) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** Logs the message unless a line was logged within the interval; @return whether it was logged */
    public boolean log(Level level, Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return false;
        }
        long now = clock.getAsLong();
        long next = nextAllowed.get();
        if (next != Long.MIN_VALUE && now - next < 0 || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return false;
        }
        int left = suppressed.getAndSet(0);
        // named after the logger, not after this class
        logger.logp(level, logger.getName(), null, left == 0 ? message.get()
                : message.get() + " (" + left + " more like it in the last " + Duration.ofNanos(intervalNanos).toSeconds() + " s not logged)");
        return true;
    }
}
