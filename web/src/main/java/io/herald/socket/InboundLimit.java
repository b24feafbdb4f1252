package io.herald.socket;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The inbound rate limit of one connection: a token bucket of {@code perSecond} tokens a second
 * up to {@code burst}, one per message (text or binary frame). A message without a token is
 * refused (not decoded); once {@code closeAfter} messages have been refused within
 * {@value #REFUSAL_WINDOW_SECONDS} s the client is abusing the socket and is closed. Costs one
 * uncontended lock and no allocation per message. Thread-safe (a connection's messages may be
 * read on different threads, one at a time).
 */
public final class InboundLimit {

    /** How long refusals count towards {@link Settings#closeAfter}. */
    public static final int REFUSAL_WINDOW_SECONDS = 10;
    private static final long REFUSAL_WINDOW_NANOS = Duration.ofSeconds(REFUSAL_WINDOW_SECONDS).toNanos();

    /** What happens to one message. */
    public enum Verdict {
        /** Run it. */
        PASS,
        /** Drop it and tell the client to slow down. */
        REFUSE,
        /** Drop it, tell the client, and close the connection: too many refusals in the window. */
        CLOSE
    }

    /**
     * @param perSecond tokens added per second
     * @param burst the most tokens a quiet connection saves up (and has at the start)
     * @param closeAfter refusals within {@value #REFUSAL_WINDOW_SECONDS} s that close the connection
     */
    public record Settings(double perSecond, int burst, int closeAfter) {
        public Settings {
            if (!(perSecond > 0) || burst < 1 || closeAfter < 1) {
                throw new IllegalArgumentException("rate-limit per-second, burst and close-after must be positive: "
                        + perSecond + ", " + burst + ", " + closeAfter);
            }
        }
    }

    private final double tokensPerNano;
    private final double burst;
    private final int closeAfter;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;
    private int refused;
    private long refusedSince;

    public InboundLimit(Settings settings, LongSupplier nanoClock) {
        this.tokensPerNano = settings.perSecond() / 1e9;
        this.burst = settings.burst();
        this.closeAfter = settings.closeAfter();
        this.nanoClock = nanoClock;
        this.tokens = settings.burst();
        this.last = nanoClock.getAsLong();
        this.refusedSince = last;
    }

    /** Takes a token for one message; @return what to do with it */
    public synchronized Verdict take() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.PASS;
        }
        if (now - refusedSince >= REFUSAL_WINDOW_NANOS) {
            refusedSince = now;
            refused = 0;
        }
        return ++refused >= closeAfter ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
