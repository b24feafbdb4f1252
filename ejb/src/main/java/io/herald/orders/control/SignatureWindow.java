package io.herald.orders.control;

import java.time.Instant;

/**
 * How old and how far in the future a signature's timestamp may be, in seconds from the server's
 * clock, and how long an accepted signature is remembered so that it cannot be used again.
 *
 * @param pastSeconds a timestamp up to this many seconds before the server's clock is accepted
 * @param futureSeconds a timestamp up to this many seconds after it is accepted (client clocks
 *     running slightly ahead)
 */
public record SignatureWindow(long pastSeconds, long futureSeconds) {

    /** Configuration: {@link #pastSeconds}. */
    public static final String PAST_KEY = "herald.orders.signature-window-seconds";
    public static final String PAST_DEFAULT = "60";
    /** Configuration: {@link #futureSeconds}. */
    public static final String FUTURE_KEY = "herald.orders.signature-future-skew-seconds";
    public static final String FUTURE_DEFAULT = "5";
    /**
     * Accepted signatures are remembered this much longer than their window, so that a node whose
     * clock is ahead does not forget a signature that a node whose clock is behind still accepts.
     */
    public static final long NODE_CLOCK_SLACK_SECONDS = 60;
    private static final long MAX_SECONDS = 3600;

    public SignatureWindow {
        if (pastSeconds < 1 || pastSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException(PAST_KEY + " must be between 1 and " + MAX_SECONDS + ", not " + pastSeconds);
        }
        if (futureSeconds < 0 || futureSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException(FUTURE_KEY + " must be between 0 and " + MAX_SECONDS + ", not " + futureSeconds);
        }
    }

    /** The defaults: {@value #PAST_DEFAULT} s back, {@value #FUTURE_DEFAULT} s ahead. */
    public static SignatureWindow defaults() {
        return new SignatureWindow(Long.parseLong(PAST_DEFAULT), Long.parseLong(FUTURE_DEFAULT));
    }

    /** Whether a signature made at {@code timestamp} (Unix seconds) is acceptable {@code now}. */
    public boolean admits(long timestamp, Instant now) {
        long age = now.getEpochSecond() - timestamp;
        return age <= pastSeconds && -age <= futureSeconds;
    }

    /** Until when a signature made at {@code timestamp} must be remembered once it was accepted. */
    public Instant keepUntil(long timestamp) {
        return Instant.ofEpochSecond(timestamp + pastSeconds + 1 + NODE_CLOCK_SLACK_SECONDS);
    }
}
