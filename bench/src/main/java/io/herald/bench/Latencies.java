package io.herald.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Delivery latencies in milliseconds: receipt time minus the event's {@code timestamp} (on Herald
 * the time the event was logged in its transaction; on the peer the time it built the frame).
 * Both clocks are this machine's, in whole milliseconds.
 */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(600_000L, 3);

    /** Records one delivery; a timestamp slightly in the future (rounding) counts as 0 ms. */
    public void record(long millis) {
        histogram.recordValue(Math.max(0, Math.min(millis, 600_000L)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double p999() {
        return percentile(99.9);
    }

    public double max() {
        return count() == 0 ? -1 : histogram.getMaxValue();
    }

    /** Forgets what was recorded (a soak run measures each interval on its own). */
    public void reset() {
        histogram.reset();
    }

    private double percentile(double p) {
        return count() == 0 ? -1 : histogram.getValueAtPercentile(p);
    }
}
