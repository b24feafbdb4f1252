package io.herald.socket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many error replies one connection gets: at most {@code limit} per {@code window}. A client
 * that answers every message it receives (document 001's example acknowledges even {@code pong}
 * and error frames with a {@code mark_read} that has no id) would otherwise trade errors with the
 * server for ever; past the limit errors go unanswered and the loop stops. Thread-safe.
 */
public final class ErrorBudget {

    public static final int DEFAULT_LIMIT = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private Instant windowStart = Instant.MIN;
    private int used;

    public ErrorBudget(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public static ErrorBudget standard() {
        return new ErrorBudget(DEFAULT_LIMIT, DEFAULT_WINDOW, Clock.systemUTC());
    }

    /** @return {@code true} if one more error may be answered now */
    public synchronized boolean spend() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        return ++used <= limit;
    }
}
