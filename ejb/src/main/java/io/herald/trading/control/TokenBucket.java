package io.herald.trading.control;

import java.util.function.LongSupplier;

/**
 * An inbound rate limit: {@code ratePerSecond} tokens a second up to {@code burst}; each message
 * takes one. Thread-safe (one connection's messages may be read on different threads, one at a time).
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, int burst, LongSupplier clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.getAsLong();
    }

    /** @return whether a message may pass now (and takes its token) */
    public synchronized boolean take() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
